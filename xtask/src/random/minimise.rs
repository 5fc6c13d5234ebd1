//! Shrinks a program on which veristep and a kernel disagree, keeping the
//! class of the disagreement (`super::compare`), by deleting lines.
//!
//! Each round makes every candidate that deletes a run of lines (halves,
//! quarters, ... single lines), keeps those that still parse and on which
//! veristep still says the same (verdict and masked message: cheap, in
//! process), asks the kernel about all of them in one boot and moves to the
//! smallest one whose disagreement has the same class. It stops when no
//! deletion keeps the class. For a veristep time-out the kernel is not
//! needed: the smallest candidate that still times out is taken.

use super::{compare, kernel_ask, norm, Kernel, Out, Veristep};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub struct Minimised {
    pub path: PathBuf,
    pub from_insns: usize,
    pub insns: usize,
    pub kernel: Out,
    pub veristep: Out,
}

/// Instructions (counting `ll` as two) and lines: what a candidate must shrink.
fn size(lines: &[String]) -> Option<(usize, usize)> {
    let text = lines.join("\n") + "\n";
    let p = veristep_core::asm::parse(&text).ok()?;
    Some((p.insns.len(), lines.len()))
}

fn is_code(l: &str) -> bool {
    let t = l.trim();
    !(t.is_empty() || t.starts_with(';') || t.starts_with('#') || t.starts_with("//"))
}

/// Candidates with a run of lines deleted, smallest first, parsing, unseen.
fn candidates(cur: &[String], seen: &mut HashSet<String>) -> Vec<(Vec<String>, (usize, usize))> {
    let Some(now) = size(cur) else {
        return Vec::new();
    };
    let n = cur.len();
    let mut out = Vec::new();
    let mut chunk = n.div_ceil(2).max(1);
    loop {
        let mut start = 0;
        while start < n {
            let end = (start + chunk).min(n);
            let c: Vec<String> = cur[..start]
                .iter()
                .chain(cur[end..].iter())
                .cloned()
                .collect();
            start += chunk;
            let key = c.join("\n");
            if !seen.insert(key) {
                continue;
            }
            if let Some(s) = size(&c) {
                if s < now && s.0 > 0 {
                    out.push((c, s));
                }
            }
        }
        if chunk == 1 {
            break;
        }
        chunk = chunk.div_ceil(2);
    }
    out.sort_by_key(|c| c.1);
    out
}

pub fn minimise(
    file: &Path,
    k: Kernel,
    class: &str,
    oracle: &Path,
    v: &mut Veristep,
) -> Result<Minimised, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("prog")
        .to_string();
    let work = file
        .parent()
        .unwrap_or(Path::new("."))
        .join("min")
        .join(&stem);
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let mut cur: Vec<String> = text
        .lines()
        .filter(|l| is_code(l))
        .map(str::to_string)
        .collect();
    let from_insns = size(&cur).ok_or("the program does not parse")?.0;
    let v0 = v.ask(k.mode(), file)?;
    let vkey = |o: &Out| (o.verdict.clone(), norm(o.message.as_deref()));
    let want = vkey(&v0);
    let timeout_class = class.starts_with("veristep timeout");
    let mut last: Option<(Out, Out)> = None;
    let mut seen = HashSet::new();
    for round in 0.. {
        let cands = candidates(&cur, &mut seen);
        // veristep first: cheap
        let mut keep = Vec::new();
        for (i, (c, s)) in cands.into_iter().enumerate() {
            let p = work.join(format!("r{round:02}_{i:04}.s"));
            std::fs::write(&p, c.join("\n") + "\n").map_err(|e| e.to_string())?;
            let vo = v.ask(k.mode(), &p)?;
            if vkey(&vo) == want {
                keep.push((c, s, p, vo));
                if timeout_class {
                    break; // smallest first: take it
                }
            } else {
                let _ = std::fs::remove_file(&p);
            }
        }
        if keep.is_empty() {
            break;
        }
        if timeout_class {
            let (c, s, _, vo) = keep.swap_remove(0);
            eprintln!("    round {round}: {} instructions", s.0);
            cur = c;
            last = Some((Out::from_json(&serde_json::Value::Null), vo));
            continue;
        }
        let mut found = None;
        for part in keep.chunks(300) {
            let paths: Vec<PathBuf> = part.iter().map(|c| c.2.clone()).collect();
            let recs = kernel_ask(oracle, k, &paths)?;
            for (c, s, p, vo) in part {
                let Some(kv) = recs.get(p) else { continue };
                if kv["layout_ok"].as_bool() != Some(true) {
                    continue;
                }
                let ko = Out::from_json(kv);
                if !matches!(ko.verdict.as_str(), "accepted" | "rejected") {
                    continue;
                }
                if compare(&ko, vo).1.as_deref() == Some(class) {
                    found = Some((c.clone(), *s, ko, vo.clone()));
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        let Some((c, s, ko, vo)) = found else {
            break;
        };
        eprintln!("    round {round}: {} instructions", s.0);
        cur = c;
        last = Some((ko, vo));
    }
    // the result, next to the original
    let path = file.with_file_name(format!("{stem}.min.s"));
    std::fs::write(&path, cur.join("\n") + "\n").map_err(|e| e.to_string())?;
    let (mut ko, vo) = match last {
        Some(x) => x,
        None => {
            let r = kernel_ask(oracle, k, std::slice::from_ref(&file.to_path_buf()))?;
            (
                Out::from_json(r.get(file).unwrap_or(&serde_json::Value::Null)),
                v0,
            )
        }
    };
    if timeout_class {
        let r = kernel_ask(oracle, k, std::slice::from_ref(&path))?;
        ko = Out::from_json(r.get(&path).unwrap_or(&serde_json::Value::Null));
    }
    let insns = size(&cur).map(|s| s.0).unwrap_or(0);
    let at = |o: &Out| {
        o.error_insn
            .map(|i| format!(" at insn {i}"))
            .unwrap_or_default()
    };
    let header = format!(
        "; minimised from {}.s: {}\n; Linux {}: {}{}; {}\n; veristep {}: {}{}; {}\n",
        stem,
        class,
        k.name(),
        ko.short(),
        at(&ko),
        ko.counters(),
        k.mode(),
        vo.short(),
        at(&vo),
        vo.counters(),
    );
    std::fs::write(&path, header + &cur.join("\n") + "\n").map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&work);
    Ok(Minimised {
        path,
        from_insns,
        insns,
        kernel: ko,
        veristep: vo,
    })
}
