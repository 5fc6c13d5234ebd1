//! `--mutate DIR[,DIR...]`: programs made by mutating real tests.
//!
//! The generators of `gen.rs`, `soup.rs` and `ctx.rs` write programs from
//! templates of ours, so they only reach the corners we thought of. A
//! kernel-style test sits next to a rule of the verifier by design; a small
//! change of one of its instructions (an offset one byte further, another
//! register, a size, a comparison, a helper, a line left out, the 32-bit
//! form of an operation, a constant for a register, another jump target or
//! map type) usually crosses to the rule's other side or into a neighbouring one. The seeds
//! are the `.s` files under the given directories (the corpus, the
//! converted `test_verifier` tests); a mutant is kept only when it still
//! parses, so every program asked about is one the text format allows.

use super::gen::{program_seed, Rng};
use std::path::Path;

/// The seed programs: `(name, text)` of every `.s` file under `dirs` whose
/// kernel record (if any) says the oracle loaded it.
pub fn load_seeds(dirs: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for d in dirs {
        let mut files = Vec::new();
        walk(Path::new(d), &mut files)?;
        files.sort();
        for f in files {
            if !loaded_by_oracle(&f) {
                continue;
            }
            let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            if veristep_core::asm::parse(&text).is_err() {
                continue;
            }
            out.push((f.display().to_string(), text));
        }
    }
    if out.is_empty() {
        return Err(format!("--mutate: no .s files under {}", dirs.join(", ")));
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "s") {
            out.push(p);
        }
    }
    Ok(())
}

/// A corpus program whose 6.1 record is libbpf's error (the oracle could not
/// load it) makes mutants the kernel never judges either.
fn loaded_by_oracle(f: &Path) -> bool {
    let rec = f.with_extension("6.1.json");
    let Ok(t) = std::fs::read_to_string(&rec) else {
        return true;
    };
    let v: serde_json::Value = serde_json::from_str(&t).unwrap_or_default();
    matches!(v["verdict"].as_str(), Some("accepted" | "rejected"))
}

/// Mutant `index` of a run seeded `seed`.
pub fn program(seed: u64, index: u64, seeds: &[(String, String)]) -> String {
    let mut r = Rng::new(program_seed(seed, index));
    // a few tries: most mutants parse, the rest are drawn again
    for _ in 0..64 {
        let (name, text) = &seeds[r.below(seeds.len() as u64) as usize];
        let n = 1 + r.weighted(&[50, 30, 20]);
        let mut lines: Vec<String> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with(';'))
            .map(str::to_string)
            .collect();
        let mut did = Vec::new();
        for _ in 0..n {
            if let Some(what) = mutate_once(&mut r, &mut lines, seeds) {
                did.push(what);
            }
        }
        if did.is_empty() {
            continue;
        }
        let body = lines.join("\n") + "\n";
        // a mutant the parser warns about (an offset past 16 bits, which
        // LLVM's assembler truncates) is one the oracle's converter cannot
        // write: drawn again
        match veristep_core::asm::parse(&body) {
            Ok(p) if p.warnings.is_empty() => {}
            _ => continue,
        }
        return format!(
            "; veristep mutant: seed {seed} index {index}\n; of {name}: {}\n{body}",
            did.join(", ")
        );
    }
    // every try failed to parse: the seed itself, unchanged
    let (name, text) = &seeds[r.below(seeds.len() as u64) as usize];
    format!("; veristep mutant: seed {seed} index {index}\n; of {name}: unchanged\n{text}")
}

/// An instruction line: indented, not a directive, comment or label.
fn is_insn(l: &str) -> bool {
    let t = l.trim();
    let label = t.ends_with(':') && !t.contains(' ');
    !(t.is_empty() || t.starts_with('.') || t.starts_with(';') || label)
}

fn insn_lines(lines: &[String]) -> Vec<usize> {
    (0..lines.len()).filter(|&i| is_insn(&lines[i])).collect()
}

/// One mutation; what it did, or None when it found nothing to change.
fn mutate_once(r: &mut Rng, lines: &mut Vec<String>, seeds: &[(String, String)]) -> Option<String> {
    let insns = insn_lines(lines);
    let kind = r.weighted(&[30, 16, 8, 8, 8, 6, 5, 5, 4, 5, 5, 3, 5, 4, 4, 3, 3]);
    let directives: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim_start().starts_with(".map"))
        .collect();
    let pick = |r: &mut Rng| -> Option<usize> {
        if insns.is_empty() {
            None
        } else {
            Some(insns[r.below(insns.len() as u64) as usize])
        }
    };
    match kind {
        0 => {
            let i = pick(r)?;
            let l = mutate_number(r, &lines[i])?;
            lines[i] = l;
            Some(format!("number at line {i}"))
        }
        1 => {
            let i = pick(r)?;
            let l = mutate_register(r, &lines[i])?;
            lines[i] = l;
            Some(format!("register at line {i}"))
        }
        2 => {
            let i = pick(r)?;
            let l = replace_one_of(
                r,
                &lines[i],
                &["u8 ", "u16 ", "u32 ", "u64 "],
                &["u8 ", "u16 ", "u32 ", "u64 "],
            )?;
            lines[i] = l;
            Some(format!("size at line {i}"))
        }
        3 => {
            let i = pick(r)?;
            if !lines[i].trim_start().starts_with("if ") {
                return None;
            }
            const OPS: &[&str] = &[
                " == ", " != ", " > ", " >= ", " < ", " <= ", " s> ", " s>= ", " s< ", " s<= ",
                " & ",
            ];
            let l = replace_one_of(r, &lines[i], OPS, OPS)?;
            lines[i] = l;
            Some(format!("comparison at line {i}"))
        }
        4 => {
            let i = pick(r)?;
            const OPS: &[&str] = &[
                " += ", " -= ", " *= ", " /= ", " %= ", " &= ", " |= ", " ^= ", " <<= ", " >>= ",
                " s>>= ",
            ];
            let mut all = OPS.to_vec();
            all.push(" = ");
            let l = replace_one_of(r, &lines[i], OPS, &all)?;
            lines[i] = l;
            Some(format!("operation at line {i}"))
        }
        5 => {
            let i = pick(r)?;
            lines.remove(i);
            Some(format!("line {i} removed"))
        }
        6 => {
            let i = pick(r)?;
            let l = lines[i].clone();
            lines.insert(i, l);
            Some(format!("line {i} doubled"))
        }
        7 => {
            let i = pick(r)?;
            let j = insns.iter().position(|&x| x == i)?;
            let k = *insns.get(j + 1)?;
            lines.swap(i, k);
            Some(format!("lines {i} and {k} swapped"))
        }
        8 => {
            // a helper another seed calls
            let i = pick(r)?;
            let t = lines[i].trim_start();
            if !t.starts_with("call ") || t.ends_with(" ll") {
                return None;
            }
            let (_, other) = &seeds[r.below(seeds.len() as u64) as usize];
            let calls: Vec<&str> = other
                .lines()
                .map(str::trim)
                .filter(|l| l.starts_with("call bpf_"))
                .collect();
            if calls.is_empty() {
                return None;
            }
            let c = calls[r.below(calls.len() as u64) as usize];
            lines[i] = format!("    {c}");
            Some(format!("helper at line {i}"))
        }
        9 => {
            // a line of another seed, registers and numbers only
            let i = pick(r)?;
            let (_, other) = &seeds[r.below(seeds.len() as u64) as usize];
            let cand: Vec<&str> = other
                .lines()
                .filter(|l| is_insn(l))
                .filter(|l| !l.contains("goto") && !l.contains(" ll") && !l.contains("call"))
                .collect();
            if cand.is_empty() {
                return None;
            }
            let l = cand[r.below(cand.len() as u64) as usize];
            lines.insert(i, format!("    {}", l.trim()));
            Some(format!("line of another program at {i}"))
        }
        11 => {
            // another of the contract's program types: the same code
            // against another context, helper table and return range
            const TYPES: &[&str] = &[
                "socket_filter",
                "kprobe",
                "sched_cls",
                "sched_act",
                "tracepoint",
                "xdp",
                "cgroup_skb",
                "raw_tracepoint",
                "syscall",
            ];
            let t = TYPES[r.below(TYPES.len() as u64) as usize];
            let line = format!(".prog_type {t}");
            match lines
                .iter()
                .position(|l| l.trim_start().starts_with(".prog_type"))
            {
                Some(i) if lines[i].split_whitespace().count() == 2 => lines[i] = line,
                // with an attach type or flags: left as it is
                Some(_) => return None,
                None => lines.insert(0, line),
            }
            Some(format!("program type {t}"))
        }
        12 => {
            // the same operation on the other width: ALU64 <-> ALU32,
            // JMP <-> JMP32 (every register of the line flips)
            let i = pick(r)?;
            let l = flip_width(&lines[i])?;
            lines[i] = l;
            Some(format!("width at line {i}"))
        }
        13 => {
            // a constant operand for a register one, or the other way
            let i = pick(r)?;
            let l = swap_operand_kind(r, &lines[i])?;
            lines[i] = l;
            Some(format!("operand kind at line {i}"))
        }
        14 => {
            // a jump to another label of the program
            let i = pick(r)?;
            let labels: Vec<String> = lines
                .iter()
                .filter_map(|l| l.trim().split_once(':').map(|(name, _)| name))
                // a name, not a numeric label or a kernel log's index
                .filter(|n| {
                    n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                        && !n.bytes().all(|b| b.is_ascii_digit())
                })
                .map(str::to_string)
                .collect();
            let l = retarget_jump(r, &lines[i], &labels)?;
            lines[i] = l;
            Some(format!("jump target at line {i}"))
        }
        15 => {
            // another map type with the same key, value and entries
            if directives.is_empty() {
                return None;
            }
            let i = directives[r.below(directives.len() as u64) as usize];
            let mut words: Vec<String> = lines[i].split_whitespace().map(str::to_string).collect();
            if words.len() < 3 {
                return None;
            }
            const MAPS: &[&str] = &[
                "array",
                "hash",
                "percpu_array",
                "percpu_hash",
                "lru_hash",
                "lru_percpu_hash",
                "prog_array",
                "perf_event_array",
                "sockmap",
                "sockhash",
                "queue",
                "stack",
                "bloom_filter",
                "devmap",
                "cpumap",
                "xskmap",
                "cgroup_array",
                "stack_trace",
                "array_of_maps",
                "hash_of_maps",
            ];
            let t = MAPS[r.below(MAPS.len() as u64) as usize];
            if words[2] == t {
                return None;
            }
            words[2] = t.to_string();
            lines[i] = words.join(" ");
            Some(format!("map type {t} at line {i}"))
        }
        16 => {
            // a helper by number, any of 6.1's and 6.12's ids
            let i = pick(r)?;
            let t = lines[i].trim_start();
            if !t.starts_with("call ") || t.ends_with(" ll") {
                return None;
            }
            let target = t["call ".len()..].trim();
            let is_helper = target.starts_with("bpf_")
                || target.bytes().all(|b| b.is_ascii_digit())
                || target.contains('#');
            if !is_helper {
                return None;
            }
            lines[i] = format!("    call {}", r.range(0, 215));
            Some(format!("helper number at line {i}"))
        }
        _ => {
            // a map's key, value or entries
            if directives.is_empty() {
                return None;
            }
            let i = directives[r.below(directives.len() as u64) as usize];
            let l = mutate_number(r, &lines[i])?;
            lines[i] = l;
            Some(format!("map at line {i}"))
        }
    }
}

/// Replaces one occurrence of one of `from` by one of `to` (another).
fn replace_one_of(r: &mut Rng, line: &str, from: &[&str], to: &[&str]) -> Option<String> {
    let mut hits = Vec::new();
    for f in from {
        let mut at = 0;
        while let Some(p) = line[at..].find(f) {
            hits.push((at + p, *f));
            at += p + f.len();
        }
    }
    if hits.is_empty() {
        return None;
    }
    let (p, f) = hits[r.below(hits.len() as u64) as usize];
    let choices: Vec<&&str> = to.iter().filter(|t| **t != f).collect();
    let t = choices[r.below(choices.len() as u64) as usize];
    Some(format!("{}{}{}", &line[..p], t, &line[p + f.len()..]))
}

/// The numbers of a line: `(start, end, value)`, hex or decimal, sign
/// included when it is glued to the digits.
fn numbers(line: &str) -> Vec<(usize, usize, i128)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let prev_word = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if b[i].is_ascii_digit() && !prev_word {
            let start = if i > 0 && b[i - 1] == b'-' { i - 1 } else { i };
            let mut j = i;
            let hex = b[i] == b'0' && i + 1 < b.len() && (b[i + 1] == b'x' || b[i + 1] == b'X');
            if hex {
                j += 2;
                while j < b.len() && b[j].is_ascii_hexdigit() {
                    j += 1;
                }
            } else {
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
            }
            // a name such as `r10` or `u64` starts with a letter: skipped above
            if j < b.len() && (b[j].is_ascii_alphabetic() || b[j] == b'_') {
                i = j;
                continue;
            }
            let digits = &line[i..j];
            let v = if hex {
                i128::from_str_radix(&digits[2..], 16).ok()
            } else {
                digits.parse::<i128>().ok()
            };
            if let Some(v) = v {
                let v = if start < i { -v } else { v };
                out.push((start, j, v));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn mutate_number(r: &mut Rng, line: &str) -> Option<String> {
    let nums = numbers(line);
    if nums.is_empty() {
        return None;
    }
    let (s, e, v) = nums[r.below(nums.len() as u64) as usize];
    // an offset after ` - ` or ` + ` stays non-negative: the sign is the operator's
    let after_op = line[..s].ends_with("- ") || line[..s].ends_with("+ ");
    let nv: i128 = match r.below(14) {
        0 => v + 1,
        1 => v - 1,
        2 => v + 4,
        3 => v - 4,
        4 => v + 8,
        5 => v - 8,
        6 => 0,
        7 => 1,
        8 => -1,
        9 => v * 2,
        10 => v / 2,
        11 => r.pick(&[
            0x7fff_ffff,
            0x8000_0000,
            -0x8000_0000,
            0xffff_ffff,
            4096,
            65535,
            512,
            -512,
            0x7fff_ffff_ffff_ffff,
        ]),
        12 => r.range(-64, 64) as i128,
        _ => -v,
    };
    let nv = if after_op { nv.abs() } else { nv };
    if nv == v {
        return None;
    }
    let text = if line[s..e].contains("0x") && nv >= 0 {
        format!("{nv:#x}")
    } else {
        nv.to_string()
    };
    Some(format!("{}{}{}", &line[..s], text, &line[e..]))
}

/// `r` <-> `w` for every register of an ALU or jump line.
fn flip_width(line: &str) -> Option<String> {
    let t = line.trim_start();
    if t.contains('*') || t.starts_with("call") || t.starts_with("exit") || t.contains(" ll") {
        return None;
    }
    let b = line.as_bytes();
    let regs = register_spans(line);
    let (first, _) = *regs.first()?;
    let to = if b[first - 1] == b'r' { b'w' } else { b'r' };
    let mut out = b.to_vec();
    for (s, _) in regs {
        out[s - 1] = to;
    }
    String::from_utf8(out).ok()
}

/// `rX op= N` <-> `rX op= rY` (and the same in a comparison).
fn swap_operand_kind(r: &mut Rng, line: &str) -> Option<String> {
    let t = line.trim_start();
    if t.contains('*') || t.starts_with("call") || t.contains(" ll") {
        return None;
    }
    // the operand: the word after the operator (`op= X` or `if rA op X`)
    let words: Vec<&str> = t.split_whitespace().collect();
    let at = if words.first() == Some(&"if") { 3 } else { 2 };
    let w = *words.get(at)?;
    let repl = if w.starts_with('r') || w.starts_with('w') {
        let v = r.pick(&[0i64, 1, -1, 8, 0x7fff_ffff, -0x8000_0000]);
        v.to_string()
    } else if w.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        let width = words
            .get(at - 2)
            .and_then(|x| x.chars().next())
            .unwrap_or('r');
        let width = if width == 'w' { 'w' } else { 'r' };
        format!("{width}{}", r.below(11))
    } else {
        return None;
    };
    let mut words: Vec<String> = words.iter().map(|s| s.to_string()).collect();
    words[at] = repl;
    Some(format!("    {}", words.join(" ")))
}

/// A jump whose label is exchanged for another label of the program.
fn retarget_jump(r: &mut Rng, line: &str, labels: &[String]) -> Option<String> {
    let t = line.trim_start();
    let p = t.find("goto ")?;
    if labels.is_empty() {
        return None;
    }
    let new = &labels[r.below(labels.len() as u64) as usize];
    let old = t[p + 5..].split_whitespace().next()?;
    if old == new {
        return None;
    }
    Some(format!("    {}goto {}", &t[..p], new))
}

/// The digit spans of the registers of a line (`r1`, `w10`).
fn register_spans(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut regs = Vec::new();
    let mut i = 0;
    while i + 1 < b.len() {
        let word_start = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if (b[i] == b'r' || b[i] == b'w') && word_start && b[i + 1].is_ascii_digit() {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let word_end = j == b.len() || !(b[j].is_ascii_alphanumeric() || b[j] == b'_');
            if word_end {
                regs.push((i + 1, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    regs
}

fn mutate_register(r: &mut Rng, line: &str) -> Option<String> {
    let regs = register_spans(line);
    if regs.is_empty() {
        return None;
    }
    let (s, e) = regs[r.below(regs.len() as u64) as usize];
    let old: u32 = line[s..e].parse().ok()?;
    let new = r.below(11) as u32;
    if new == old {
        return None;
    }
    Some(format!("{}{}{}", &line[..s], new, &line[e..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_signs_and_skip_names() {
        let n = numbers("    *(u64 *)(r10 - 8) = -0x10");
        assert_eq!(n.len(), 2);
        assert_eq!(n[0].2, 8);
        assert_eq!(n[1].2, -16);
    }

    #[test]
    fn widths_flip_and_operands_swap_kinds() {
        assert_eq!(flip_width("    r1 += r2").as_deref(), Some("    w1 += w2"));
        assert_eq!(
            flip_width("    if w3 > 5 goto l").as_deref(),
            Some("    if r3 > 5 goto l")
        );
        assert_eq!(flip_width("    *(u64 *)(r10 - 8) = r1"), None);
        let mut r = Rng::new(1);
        for _ in 0..20 {
            let l = swap_operand_kind(&mut r, "    w1 += 5").unwrap_or_default();
            assert!(l.starts_with("    w1 += w"), "{l}");
            let l = swap_operand_kind(&mut r, "    if r1 > r2 goto l").unwrap_or_default();
            assert!(
                l.starts_with("    if r1 > ") && l.ends_with(" goto l"),
                "{l}"
            );
            assert!(!l.contains(" r2 "), "{l}");
        }
        let labels = ["a".to_string(), "b".to_string()];
        assert_eq!(
            retarget_jump(&mut r, "    if r1 > r2 goto a", &labels[1..]).as_deref(),
            Some("    if r1 > r2 goto b")
        );
    }

    #[test]
    fn a_mutant_parses_and_names_its_seed() {
        let seeds = vec![(
            "x.s".to_string(),
            "    r1 = 1\n    if r1 > 2 goto l\n    r0 = 0\nl:\n    r0 = 1\n    exit\n".to_string(),
        )];
        for i in 0..50 {
            let t = program(7, i, &seeds);
            assert!(t.contains("; of x.s"), "{t}");
            assert!(veristep_core::asm::parse(&t).is_ok(), "{t}");
        }
    }
}
