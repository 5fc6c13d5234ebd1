//! Directives: `.prog_type`, `.map`, `.mapdata`, `.func` and the rest
//! of ASM.md's (and veristep's documented extensions).

use super::*;
use crate::program::ProgFlags;

pub(super) fn directive(
    cx: &mut Ctx,
    prog: &mut Program,
    maps: &mut HashMap<String, u32>,
    line: u32,
    toks: &[Tok],
) {
    let Some(name) = toks.get(1) else {
        cx.err(line, toks[0].col, 1, "expected a directive name");
        return;
    };
    let rest = &toks[2..];
    match name.text.as_str() {
        // `.prog_type TYPE [HOOK]`: the hook is the expected attach type
        // where the type's rules depend on it (cgroup_skb egress, and
        // cgroup_sock_addr's bind4, connect4, ... which it needs)
        "prog_type" => {
            // `.prog_type lsm_cgroup HOOK`: an LSM program of BPF_LSM_CGROUP
            let lsm_cgroup = rest.first().is_some_and(|t| t.text == "lsm_cgroup");
            let pt = rest
                .first()
                .map(|t| t.text.as_str())
                .map(|n| if n == "lsm_cgroup" { "lsm" } else { n })
                .and_then(ProgType::from_name);
            let hook = rest.get(1).map(|t| t.text.as_str());
            // BTF-typed programs name their target (an extension of ASM.md):
            // `.prog_type tracing fentry|fexit|fmod_ret|tp_btf|iter TARGET
            // [sleepable]`, `.prog_type lsm HOOK [sleepable]`
            // `.prog_type struct_ops STRUCT MEMBER [sleepable]`: the member
            // of a struct of operations the program implements (an
            // extension of ASM.md; libbpf's `struct_ops.s` is sleepable)
            if pt == Some(ProgType::StructOps) {
                let sleepable = rest.get(3).is_some_and(|t| t.text == "sleepable");
                match (rest.get(1), rest.get(2)) {
                    (Some(st), Some(member))
                        if rest.len() == 3 || (rest.len() == 4 && sleepable) =>
                    {
                        prog.sleepable = sleepable;
                        prog.prog_type = ProgType::StructOps;
                        prog.expected_attach_type = Some(if member.text == "release" {
                            AttachType::StructOpsRelease
                        } else {
                            AttachType::StructOps
                        });
                        prog.attach_to = Some(format!("{}/{}", st.text, member.text));
                    }
                    _ => {
                        let at = rest.get(1).map(|t| t.col).unwrap_or(name.col);
                        cx.err(
                            line,
                            at,
                            1,
                            "expected .prog_type struct_ops STRUCT MEMBER [sleepable] (tcp_congestion_ops cong_avoid)"
                                .to_string(),
                        )
                    }
                }
                return;
            }
            if matches!(pt, Some(ProgType::Tracing | ProgType::Lsm)) {
                let pt = pt.unwrap_or(ProgType::Tracing);
                let (attach, target, more) = if pt == ProgType::Lsm {
                    let a = if lsm_cgroup {
                        AttachType::LsmCgroup
                    } else {
                        AttachType::LsmMac
                    };
                    (Some(a), rest.get(1), rest.get(2))
                } else {
                    (
                        hook.and_then(AttachType::tracing_kind),
                        rest.get(2),
                        rest.get(3),
                    )
                };
                let sleepable = more.is_some_and(|t| t.text == "sleepable");
                let extra = if pt == ProgType::Lsm { 3 } else { 4 };
                match (attach, target) {
                    (Some(a), Some(t)) if rest.len() <= extra && (more.is_none() || sleepable) => {
                        prog.prog_type = pt;
                        prog.expected_attach_type = Some(a);
                        prog.attach_to = Some(t.text.clone());
                        prog.sleepable = sleepable;
                    }
                    _ => {
                        let msg = if pt == ProgType::Lsm {
                            "expected .prog_type lsm HOOK [sleepable]"
                        } else {
                            "expected .prog_type tracing fentry|fexit|fmod_ret|tp_btf|iter TARGET [sleepable]"
                        };
                        let at = rest.get(1).map(|t| t.col).unwrap_or(name.col);
                        cx.err(line, at, 1, msg.to_string())
                    }
                }
                return;
            }
            let type_name = rest.first().map(|t| t.text.as_str()).unwrap_or("");
            match ProgType::with_hook(type_name, hook) {
                Ok((pt, attach)) if rest.len() <= 2 => {
                    prog.prog_type = pt;
                    prog.expected_attach_type = attach;
                }
                typed => {
                    // at the hook, or at the type when the type is wrong
                    let at = if pt.is_some() {
                        rest.get(1)
                    } else {
                        rest.first()
                    };
                    let msg = typed
                        .err()
                        .unwrap_or_else(|| "expected .prog_type TYPE [HOOK]".to_string());
                    cx.err(line, at.map(|t| t.col).unwrap_or(name.col), 1, msg)
                }
            }
        }
        "license" => match rest.first() {
            Some(t) if t.kind == TokKind::Str && rest.len() == 1 => prog.license = t.text.clone(),
            // unquoted, as the oracle reads it too: the rest of the line
            Some(_) if rest.iter().all(|t| t.kind != TokKind::Str) => {
                let mut text = String::new();
                let mut end = None;
                for t in rest {
                    if end.is_some_and(|e| t.col > e) {
                        text.push(' ');
                    }
                    text.push_str(&t.text);
                    end = Some(t.col + t.text.len() as u32);
                }
                prog.license = text;
            }
            _ => cx.err(line, name.col, 1, "expected .license \"NAME\""),
        },
        "map" => map_directive(cx, prog, maps, line, name, rest),
        // `.prog_flags BPF_F_STRICT_ALIGNMENT|BPF_F_TEST_STATE_FREQ`: the
        // load's `prog_flags`, as a loader sets them with
        // `bpf_program__set_flags()` (an extension of ASM.md)
        "prog_flags" => prog_flags_directive(cx, prog, line, name, rest),
        // `.mapdata NAME xHEX`: a map value's initial bytes (global data)
        "mapdata" => match (rest.first(), rest.get(1)) {
            (Some(n), Some(h)) if rest.len() == 2 => {
                let hex = h.text.strip_prefix('x').unwrap_or("");
                let bytes: Option<Vec<u8>> = (hex.len() % 2 == 0)
                    .then(|| {
                        (0..hex.len())
                            .step_by(2)
                            .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                            .collect()
                    })
                    .flatten();
                let map = maps
                    .get(&n.text)
                    .and_then(|&i| prog.maps.get_mut(i as usize));
                match (map, bytes) {
                    (Some(m), Some(b)) if b.len() <= m.value_size as usize => m.data = b,
                    (None, _) => cx.err(
                        line,
                        n.col,
                        n.text.len() as u32,
                        format!("no map '{}' declared before", n.text),
                    ),
                    _ => cx.err(
                        line,
                        h.col,
                        h.text.len() as u32,
                        "expected xHEX bytes, at most the value size",
                    ),
                }
            }
            _ => cx.err(line, name.col, 1, "expected .mapdata NAME xHEX"),
        },
        _ => cx.err(
            line,
            name.col,
            name.text.len() as u32,
            format!("unknown directive '.{}'", name.text),
        ),
    }
}

fn prog_flags_directive(cx: &mut Ctx, prog: &mut Program, line: u32, at: &Tok, rest: &[Tok]) {
    if rest.is_empty() {
        cx.err(
            line,
            at.col,
            at.text.len() as u32,
            "expected .prog_flags FLAG[|FLAG...] (BPF_F_TEST_STATE_FREQ, BPF_F_STRICT_ALIGNMENT, ...)",
        );
        return;
    }
    let mut flags = 0u32;
    for t in rest.iter().filter(|t| !t.is("|")) {
        let bits = match t.kind {
            TokKind::Num => num_of(t).and_then(|v| u32::try_from(v).ok()),
            _ => ProgFlags::parse_one(&t.text),
        };
        match bits {
            // a token (BPF_F_TOKEN_FD) or a device (XDP_DEV_BOUND_ONLY)
            // comes with a file descriptor the text cannot give
            Some(b) if b & ProgFlags::NEEDS_DESCRIPTOR != 0 => cx.err(
                line,
                t.col,
                t.text.len() as u32,
                ProgFlags::NEEDS_DESCRIPTOR_WHY,
            ),
            Some(b) => flags |= b,
            None => cx.err(
                line,
                t.col,
                t.text.len() as u32,
                format!("unknown program flag '{}'", t.text),
            ),
        }
    }
    prog.prog_flags.0 |= flags;
}

fn map_directive(
    cx: &mut Ctx,
    prog: &mut Program,
    maps: &mut HashMap<String, u32>,
    line: u32,
    at: &Tok,
    rest: &[Tok],
) {
    if rest.len() < 2 {
        cx.err(
            line,
            at.col,
            3,
            "expected .map NAME TYPE key=N value=N entries=N",
        );
        return;
    }
    let name = &rest[0];
    if name.kind != TokKind::Word {
        cx.err(line, name.col, 1, "expected a map name");
        return;
    }
    if maps.contains_key(&name.text) {
        cx.err(
            line,
            name.col,
            name.text.len() as u32,
            format!("duplicate map '{}'", name.text),
        );
        return;
    }
    let Some(mt) = MapType::from_name(&rest[1].text) else {
        cx.err(
            line,
            rest[1].col,
            rest[1].text.len() as u32,
            format!("unknown map type '{}'", rest[1].text),
        );
        return;
    };
    let mut def = MapDef::new(name.text.clone(), mt, 0, 0, 0);
    let mut seen = Vec::new();
    let mut i = 2;
    let mut ok = true;
    while i < rest.len() {
        let k = &rest[i];
        let (Some(eq), Some(v)) = (rest.get(i + 1), rest.get(i + 2)) else {
            cx.err(line, k.col, k.text.len() as u32, "expected KEY=VALUE");
            return;
        };
        // `inner=NAME`: a map of maps' inner map template, declared before
        if k.text == "inner" && eq.is("=") && v.kind == TokKind::Word {
            if seen.contains(&k.text) {
                cx.err(line, k.col, 5, "'inner' given twice");
                ok = false;
            }
            seen.push(k.text.clone());
            match maps.get(&v.text) {
                Some(&idx) if matches!(mt, MapType::ArrayOfMaps | MapType::HashOfMaps) => {
                    if prog
                        .maps
                        .get(idx as usize)
                        .is_some_and(|m| m.inner.is_some())
                    {
                        cx.err(
                            line,
                            v.col,
                            v.text.len() as u32,
                            "a map of maps cannot hold maps of maps",
                        );
                        ok = false;
                    }
                    def.inner = Some(idx);
                }
                Some(_) => {
                    cx.err(
                        line,
                        k.col,
                        5,
                        "only array_of_maps and hash_of_maps take inner=",
                    );
                    ok = false;
                }
                None => {
                    cx.err(
                        line,
                        v.col,
                        v.text.len() as u32,
                        format!("no map '{}' declared before", v.text),
                    );
                    ok = false;
                }
            }
            i += 3;
            continue;
        }
        if !eq.is("=") || v.kind != TokKind::Num {
            cx.err(line, k.col, k.text.len() as u32, "expected KEY=NUMBER");
            return;
        }
        // an arena's user address (`map_extra`, 64 bits)
        if k.text == "extra" {
            let Some(n) = num_of(v).filter(|n| *n >= 0 && *n <= u64::MAX as i128) else {
                cx.err(
                    line,
                    v.col,
                    v.text.len() as u32,
                    "extra= is a 64-bit unsigned number",
                );
                return;
            };
            if seen.contains(&k.text) {
                cx.err(line, k.col, 5, "'extra' given twice");
                ok = false;
            }
            seen.push(k.text.clone());
            def.map_extra = n as u64;
            i += 3;
            continue;
        }
        let Some(n) = num_of(v).filter(|n| *n >= 0 && *n <= u32::MAX as i128) else {
            cx.err(
                line,
                v.col,
                v.text.len() as u32,
                "a map attribute is a 32-bit unsigned number",
            );
            return;
        };
        let n = n as u32;
        if seen.contains(&k.text) {
            cx.err(
                line,
                k.col,
                k.text.len() as u32,
                format!("'{}' given twice", k.text),
            );
            ok = false;
        }
        seen.push(k.text.clone());
        match k.text.as_str() {
            "key" => def.key_size = n,
            "value" => def.value_size = n,
            "entries" => def.max_entries = n,
            "timer" => def.timer_off = Some(n),
            "lock" => def.lock_off = Some(n),
            // global data (libbpf's internal maps): BPF_F_RDONLY_PROG is 128
            "flags" => def.flags = n,
            "frozen" => def.frozen = n != 0,
            _ => {
                cx.err(
                    line,
                    k.col,
                    k.text.len() as u32,
                    format!(
                        "unknown map attribute '{}' (key, value, entries, timer, lock, flags, frozen, inner, extra)",
                        k.text
                    ),
                );
                ok = false;
            }
        }
        i += 3;
    }
    // the oracle's C declares each number as libbpf's `__uint(name, N)`, a
    // pointer to `int[N]` (key and value sizes only without a lock or a
    // timer, whose value is a struct): from 2^30 elements on, the array's
    // size overflows a u32 and the kernel refuses the object's BTF
    // (`btf_array_resolve()`: "Array size overflows U32_MAX"); libbpf goes
    // on without it
    let fields = def.lock_off.is_some() || def.timer_off.is_some();
    let huge = |n: u32| n as u64 > u32::MAX as u64 / 4;
    if huge(def.max_entries) || (!fields && (huge(def.key_size) || huge(def.value_size))) {
        prog.btf_refused = true;
    }
    if matches!(mt, MapType::Ringbuf | MapType::UserRingbuf) {
        // as the oracle's C declares it: entries= (key= and value= may be
        // given; the kernel wants 0, and refuses the map otherwise), the
        // size rounded up by libbpf's adjust_ringbuf_sz() (0 stays 0, for
        // the kernel to refuse)
        if seen
            .iter()
            .any(|s| !["entries", "key", "value", "flags"].contains(&s.as_str()))
        {
            cx.err(
                line,
                at.col,
                3,
                "a ring buffer map takes entries= (and key=, value=, which the kernel wants 0)",
            );
            ok = false;
        }
        def.max_entries = crate::map_create::adjust_ringbuf_sz(def.max_entries);
    } else if mt == MapType::Arena {
        // pages: entries= (pages), flags= (1024, BPF_F_MMAPABLE, is
        // required by the kernel), extra= (user address); key= and value=
        // may be given (the kernel wants 0)
        let known = ["entries", "flags", "extra", "key", "value"];
        if seen.iter().any(|s| !known.contains(&s.as_str())) {
            cx.err(
                line,
                at.col,
                3,
                "an arena map takes entries=, flags=, extra= (key= and value= must be 0)",
            );
            ok = false;
        } else if !seen.iter().any(|s| s == "entries") {
            cx.err(line, at.col, 3, "missing entries=");
            ok = false;
        }
    }
    // any other attribute left out is 0, as in the oracle's C (libbpf
    // leaves it so): the kernel's map_create() then refuses what needs one
    if let Some(t) = def.timer_off {
        if t.checked_add(16)
            .map(|e| e > def.value_size)
            .unwrap_or(true)
            || t % 8 != 0
        {
            cx.err(
                line,
                at.col,
                3,
                "timer= must be an 8-aligned offset with 16 bytes inside the value",
            );
            ok = false;
        }
    }
    if let Some(l) = def.lock_off {
        if l.checked_add(4).map(|e| e > def.value_size).unwrap_or(true) || l % 4 != 0 {
            cx.err(
                line,
                at.col,
                3,
                "lock= must be a 4-aligned offset with 4 bytes inside the value",
            );
            ok = false;
        }
    }
    if ok {
        // a local storage map that can be created (flags=, veristep's
        // extension) is created with BTF key and value types, as any loader
        // that creates one must; in ASM.md's form it has no flags and no
        // BTF, as the oracle's C declares it, and the kernel refuses it
        if def.map_type.is_local_storage() && seen.iter().any(|s| s == "flags") {
            def.btf_typed = true;
        }
        // the oracle's C types the key and value of a map with a lock or a
        // timer (`__type(key, __u32)`, a value struct): a creation the
        // kernel refuses is retried without them, and libbpf says so first
        if def.lock_off.is_some() || def.timer_off.is_some() {
            def.btf_typed = true;
        }
        // ... but libbpf passes none for some types: no special fields then
        if def.map_type.created_without_btf_types() {
            def.drop_btf_types();
        }
        maps.insert(def.name.clone(), prog.maps.len() as u32);
        prog.maps.push(def);
    }
}
