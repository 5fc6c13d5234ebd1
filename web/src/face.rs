//! The app's faces, chosen by the page's query string: the playground
//! (default), the compact embed (`?embed`, for iframes in documentation
//! pages) and the presenter view (`?present`, for workshops). One app,
//! several faces: they differ only in what is shown and how large.

/// A panel a page may ask an embed to show (`views=refs,frames,worklist`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Program,
    Verdict,
    Compare,
    Listing,
    Frames,
    Regs,
    Refs,
    Worklist,
    Log,
    /// The exploration graph.
    Graph,
    /// The control-flow graph with heat.
    Cfg,
}

impl Pane {
    fn parse(s: &str) -> Option<Pane> {
        Some(match s {
            "program" | "editor" => Pane::Program,
            "verdict" => Pane::Verdict,
            "compare" => Pane::Compare,
            "listing" => Pane::Listing,
            "frames" => Pane::Frames,
            "regs" | "registers" | "stack" => Pane::Regs,
            "refs" => Pane::Refs,
            "worklist" => Pane::Worklist,
            "log" => Pane::Log,
            "graph" | "exploration" => Pane::Graph,
            "cfg" | "heat" => Pane::Cfg,
            _ => return None,
        })
    }
}

/// What an embed shows when the page does not say.
const EMBED_DEFAULT: [Pane; 6] = [
    Pane::Program,
    Pane::Verdict,
    Pane::Listing,
    Pane::Frames,
    Pane::Refs,
    Pane::Worklist,
];

/// What the presenter view shows beside the lesson.
const PRESENT_DEFAULT: [Pane; 6] = [
    Pane::Verdict,
    Pane::Listing,
    Pane::Frames,
    Pane::Regs,
    Pane::Refs,
    Pane::Worklist,
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Face {
    pub embed: bool,
    pub present: bool,
    /// The program cannot be edited (embeds are read-only unless `edit`).
    pub readonly: bool,
    /// The panels shown (all, in the playground).
    pub panes: Vec<Pane>,
    /// A lesson to open (`lesson=ID`), at a step (`lstep=N`, 1-based).
    pub lesson: Option<String>,
    pub lesson_step: usize,
    /// The theme a host page asked for (`theme=dark|light`): an embed
    /// follows the page it sits in, not the reader's system setting.
    pub theme: Option<Theme>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

impl Default for Face {
    fn default() -> Self {
        Face {
            embed: false,
            present: false,
            readonly: false,
            panes: vec![
                Pane::Program,
                Pane::Verdict,
                Pane::Compare,
                Pane::Listing,
                Pane::Frames,
                Pane::Regs,
                Pane::Refs,
                Pane::Worklist,
                Pane::Log,
                Pane::Graph,
                Pane::Cfg,
            ],
            lesson: None,
            lesson_step: 0,
            theme: None,
        }
    }
}

/// `%XX` and `+` decoding of a query value (invalid escapes stay as they are).
fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16)
                {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Face {
    /// From a query string (`?embed&views=refs,frames`), leading `?` optional.
    pub fn from_query(q: &str) -> Face {
        let mut f = Face::default();
        let mut views = None;
        let mut edit = false;
        for pair in q
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = unescape(v);
            match k {
                "embed" => f.embed = true,
                "present" => f.present = true,
                "edit" => edit = v != "0",
                "readonly" => f.readonly = v != "0",
                "views" => {
                    views = Some(
                        v.split(',')
                            .filter_map(|s| Pane::parse(s.trim()))
                            .collect::<Vec<_>>(),
                    )
                }
                "lesson" => f.lesson = Some(v).filter(|s| !s.is_empty()),
                "lstep" => f.lesson_step = v.parse::<usize>().unwrap_or(1).saturating_sub(1),
                "theme" => f.theme = Theme::parse(&v),
                _ => {}
            }
        }
        if f.present && !f.embed {
            // a projector has room for the lesson and the state, side by
            // side; the program is the listing, the log is for reading later
            f.panes = match views {
                Some(v) if !v.is_empty() => v,
                _ => PRESENT_DEFAULT.to_vec(),
            };
            return f;
        }
        if f.embed {
            f.panes = match views {
                Some(v) if !v.is_empty() => v,
                _ => EMBED_DEFAULT.to_vec(),
            };
            f.readonly = f.readonly || !edit;
        }
        f
    }

    pub fn shows(&self, p: Pane) -> bool {
        self.panes.contains(&p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_from_queries() {
        assert_eq!(Face::from_query(""), Face::default());
        let e = Face::from_query("?embed&views=refs,frames,bogus,worklist");
        assert!(e.embed && e.readonly);
        assert_eq!(e.panes, vec![Pane::Refs, Pane::Frames, Pane::Worklist]);
        let e = Face::from_query("embed&edit=1");
        assert!(!e.readonly);
        assert_eq!(e.panes, EMBED_DEFAULT.to_vec());
        let p = Face::from_query("?present&lesson=worklist&lstep=3");
        assert!(p.present && !p.embed);
        assert_eq!(p.lesson.as_deref(), Some("worklist"));
        assert_eq!(p.lesson_step, 2);
        assert_eq!(
            Face::from_query("lesson=a%2Db&lstep=x").lesson.as_deref(),
            Some("a-b")
        );
        assert_eq!(
            Face::from_query("embed&theme=dark").theme,
            Some(Theme::Dark)
        );
        assert_eq!(Face::from_query("embed&theme=blue").theme, None);
        assert_eq!(unescape("%zz%4"), "%zz%4");
        assert_eq!(unescape("a+b%20c"), "a b c");
    }
}
