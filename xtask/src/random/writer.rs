//! The text a generator writes, shared by the generators that build a
//! program line by line: instructions indented by four spaces, labels at
//! the margin, label names drawn in order (`l1`, `l2`, ...). A generator
//! keeps an [`Asm`] and implements [`Emit`] to get `e`, `label` and `put`.

/// The lines of the function being written, and the labels drawn so far.
#[derive(Default)]
pub struct Asm {
    pub lines: Vec<String>,
    /// Labels drawn, across every function of the program, so that names
    /// stay unique when a generator writes a subprogram in the middle of
    /// its caller (swapping `lines` out and back).
    pub labels: u32,
}

pub trait Emit {
    fn asm(&mut self) -> &mut Asm;

    /// One instruction.
    fn e(&mut self, s: impl Into<String>) {
        self.asm().lines.push(format!("    {}", s.into()));
    }

    /// A new label's name, not placed yet.
    fn label(&mut self) -> String {
        let a = self.asm();
        a.labels += 1;
        format!("l{}", a.labels)
    }

    /// Place label `l` before the next instruction.
    fn put(&mut self, l: &str) {
        self.asm().lines.push(format!("{l}:"));
    }
}

/// Appends `lines` to `out`, one per line: a program's text.
pub fn push_lines<'a>(out: &mut String, lines: impl IntoIterator<Item = &'a String>) {
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
}
