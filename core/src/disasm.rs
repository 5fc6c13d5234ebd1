// TEMPORARY STUB by the lead so the crate compiles; helper-1 replaces this file.
pub fn insn_text(prog: &crate::program::Program, idx: usize) -> String {
    let i = prog.insns[idx];
    format!("({:02x}) insn", i.code)
}
