//! `kernel-diff --random N --encodings`: malformed instruction encodings,
//! as a fuzzer or a damaged object hands them to the kernel. A program of
//! the template generator or of the instruction soup is parsed, one to
//! three of its instructions are damaged (a random or bit-flipped opcode,
//! another class, memory mode or size, a register number up to 15, an
//! offset or immediate where the instruction reserves zero, a source
//! register on an immediate form, the second half of a 64-bit load), and
//! the program is written back as text (`disasm::program_text`), which
//! gives any encoding no instruction text has as `.8byte`. The kernel's
//! checks before the walk (`resolve_pseudo_ldimm64()`, `check_subprogs()`,
//! `check_cfg()`) and the walk's own (`BPF_ALU uses reserved fields`,
//! `unknown opcode`, `R12 is invalid`) decide most of them, in an order
//! veristep must keep. The oracle's converter cannot write `.8byte`, so
//! kernel-diff's VM judges them.
//!
//! Damage that would need something outside the program is not drawn: a
//! map or map value load by file descriptor, a call to a subprogram (which
//! the object would carry as a relocation).

use super::gen::{program_seed, GenOpts, Rng};
use veristep_core::{asm, disasm, Insn};

/// Program text for encodings program `index` of a run seeded `seed`.
pub fn program(seed: u64, index: u64) -> String {
    let mut rng = Rng::new(program_seed(seed, index) ^ 0x5eed_e4c0_d145);
    // a base program that parses, from one of the two generators
    for attempt in 0..20u64 {
        let base = if rng.pct(50) {
            super::gen::program(seed, index * 20 + attempt, &GenOpts::default())
        } else {
            super::soup::program(program_seed(seed, index * 20 + attempt), false)
        };
        let Ok(mut prog) = asm::parse(&base) else {
            continue;
        };
        let damages = 1 + rng.weighted(&[70, 22, 8]);
        let mut done = 0;
        for _ in 0..damages * 8 {
            if done == damages {
                break;
            }
            if damage(&mut rng, &mut prog.insns) {
                done += 1;
            }
        }
        if done == 0 {
            continue;
        }
        let text = disasm::program_text(&prog);
        // the text must give the same instructions back
        match asm::parse(&text) {
            Ok(p) if p.insns == prog.insns => {
                return format!(
                    "; veristep random program (encodings): seed {seed} index {index}\n{text}"
                )
            }
            _ => continue,
        }
    }
    // every attempt failed (not seen): a program of one unknown opcode
    format!(
        "; veristep random program (encodings): seed {seed} index {index}\n.prog_type socket_filter\n    .8byte 0x00000000000000ff\n    exit\n"
    )
}

/// Whether slot `i` may be damaged: not a load that names a map or a
/// function, nor its second half, nor a call of a subprogram or kernel
/// function.
fn may_damage(insns: &[Insn], i: usize) -> bool {
    let names_something = |x: &Insn| x.is_ld_imm64() && x.src != 0;
    if names_something(&insns[i]) || needs_environment(&insns[i]) {
        return false;
    }
    !(i > 0 && names_something(&insns[i - 1]))
}

/// What damage may not produce: a load by map file descriptor or map
/// index (BPF_PSEUDO_MAP_FD, _VALUE, _IDX, _IDX_VALUE), a function's
/// address, a call of a subprogram or of a kernel function, whose meaning
/// lies outside the program (a relocation, a map, the text format's own
/// numbering of kernel functions).
fn needs_environment(x: &Insn) -> bool {
    (x.code == 0x18 && matches!(x.src, 1 | 2 | 4 | 5 | 6))
        || (x.code == 0x85 && matches!(x.src, 1 | 2))
}

/// Damages one instruction of `insns`; false if the draw was unusable.
fn damage(rng: &mut Rng, insns: &mut [Insn]) -> bool {
    let n = insns.len();
    if n == 0 {
        return false;
    }
    let i = rng.below(n as u64) as usize;
    if !may_damage(insns, i) {
        return false;
    }
    let mut x = insns[i];
    match rng.weighted(&[12, 14, 10, 12, 14, 14, 8, 10, 6]) {
        0 => x.code = rng.below(256) as u8,
        1 => x.code ^= 1 << rng.below(8),
        // another class, the operation kept
        2 => x.code = (x.code & !7) | rng.below(8) as u8,
        // another mode and size (loads and stores), or operation (ALU, jumps)
        3 => {
            x.code = if matches!(x.code & 7, 0..=3) {
                let mode = rng.pick(&[0x00u8, 0x20, 0x40, 0x60, 0x80, 0xa0, 0xc0, 0xe0]);
                let size = rng.pick(&[0x00u8, 0x08, 0x10, 0x18]);
                (x.code & 7) | mode | size
            } else {
                (x.code & 0x0f) | ((rng.below(16) as u8) << 4)
            };
        }
        4 => {
            if rng.pct(50) {
                x.dst = rng.range(10, 15) as u8;
            } else {
                x.src = rng.range(10, 15) as u8;
            }
        }
        5 => {
            x.off = rng.pick(&[1i16, -1, 2, 8, 0x7fff, i16::MIN]);
            if rng.pct(30) {
                x.off = rng.range(-64, 64) as i16;
            }
        }
        6 => {
            // a source register on an immediate form, or the other way
            x.src = rng.range(1, 9) as u8;
        }
        7 => {
            x.imm = rng.pick(&[
                1,
                -1,
                16,
                32,
                64,
                8,
                i32::MAX,
                i32::MIN,
                0x01,
                0x41,
                0x51,
                0xa1,
                0xe1,
                0xf1,
                0x100,
            ]);
        }
        _ => {
            // the second half of a 64-bit constant load
            let Some(j) = (0..n).find(|&j| insns[j].code == 0x18 && insns[j].src == 0) else {
                return false;
            };
            if j + 1 >= n {
                return false;
            }
            let mut h = insns[j + 1];
            match rng.below(4) {
                0 => h.code = rng.pick(&[0x18u8, 0x07, 0x95]),
                1 => h.dst = rng.range(1, 10) as u8,
                2 => h.src = rng.range(1, 10) as u8,
                _ => h.off = 1,
            }
            insns[j + 1] = h;
            return true;
        }
    }
    if x == insns[i] || needs_environment(&x) {
        return false;
    }
    insns[i] = x;
    true
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodings_programs_parse_and_are_deterministic() {
        super::super::gen::assert_programs_parse(|seed| super::program(7, seed));
    }
}
