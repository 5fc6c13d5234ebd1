use super::*;
use crate::disasm::{insn_text, program_text};

fn p(src: &str) -> Program {
    match parse(src) {
        Ok(p) => p,
        Err(d) => panic!("{:?}", d),
    }
}

const EXAMPLE: &str = "; the callback releases a reference that its caller holds
.prog_type sched_cls
.map rb ringbuf entries=4096

    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto out
    *(u64 *)(r10 - 8) = r0
    r1 = 1
    r2 = release_cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit

release_cb:
    r1 = *(u64 *)(r2 + 0)
    r2 = 0
    call bpf_ringbuf_discard
    r0 = 0
    exit
";

#[test]
fn the_asm_md_example_encodes_as_the_kernel_logs_it() {
    let prog = p(EXAMPLE);
    let want = [
        (2, "(b7) r2 = 8"),
        (5, "(15) if r0 == 0x0 goto pc+8"),
        (6, "(7b) *(u64 *)(r10 -8) = r0"),
        (8, "(18) r2 = 0x7"),
        (10, "(bf) r3 = r10"),
        (11, "(07) r3 += -8"),
        (13, "(85) call bpf_loop#181"),
        (16, "(79) r1 = *(u64 *)(r2 +0)"),
        (18, "(85) call bpf_ringbuf_discard#133"),
    ];
    for (i, t) in want {
        assert_eq!(insn_text(&prog, i), t, "insn {}", i);
    }
    assert!(insn_text(&prog, 0).starts_with("(18) r1 = 0xffff"));
    assert_eq!(prog.insns.len(), 21);
}

#[test]
fn every_form_round_trips() {
    let src = "
.prog_type xdp
.license \"Dual BSD/GPL\"
.map m hash key=4 value=16 entries=8 timer=0
    r1 = 0x1122334455667788 ll
    w2 = 7
    r3 = r1
    w3 = w2
    r1 += 5
    r1 -= r2
    r1 *= 3
    r1 /= 2
    r1 %= 3
    r1 &= 0xff
    r1 |= r3
    r1 ^= -1
    r1 <<= 3
    r1 >>= 2
    r1 s>>= 1
    w1 s>>= 1
    r1 = -r1
    w1 = -w1
    r1 = be16 r1
    r1 = le64 r1
    r0 = *(u8 *)(r1 + 3)
    r0 = *(u16 *)(r1 - 2)
    r0 = *(u32 *)(r10 -4)
    r0 = *(u64 *)(r10 -8)
    *(u8 *)(r10 - 1) = r0
    *(u64 *)(r10 - 16) = 0
    *(u32 *)(r10 - 20) = -5
    lock *(u64 *)(r10 - 8) += r1
    lock *(u32 *)(r10 - 8) |= r1
    r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
    r1 = xchg_64(r10 - 8, r1)
    r0 = cmpxchg_64(r10 - 8, r0, r1)
    r0 = *(u8 *)skb[23]
    r0 = *(u16 *)skb[r6]
    if r1 == 0x5 goto +1
    if w1 s< w2 goto 1f
    if r1 & 4 goto 1f
    r2 = f ll
1:
    call 7
    call bpf_map_lookup_elem#1
    call f
    goto pc+0
    r1 = m ll
    exit
f:
    r0 = 0
    exit
";
    let a = p(src);
    let text = program_text(&a);
    let b = p(&text);
    assert_eq!(a.to_bytes(), b.to_bytes(), "{}", text);
    assert_eq!(a.maps, b.maps);
    assert_eq!(a.prog_type, b.prog_type);
    assert_eq!(a.license, b.license);
}

#[test]
fn kernel_log_and_objdump_prefixes_are_ignored() {
    let a = p("12: (b7) r1 = 0 ; R1_w=0\n0: b7 00 00 00 00 00 00 00 r0 = 0\nexit");
    assert_eq!(a.insns.len(), 3);
    assert_eq!(a.insns[0], Insn::new(0xb7, 1, 0, 0, 0));
}

/// A kernel log line copied without its `N:` keeps its opcode byte; that
/// byte is ignored as it is after an index (no instruction starts with `(`).
#[test]
fn a_kernel_log_line_without_its_index_parses() {
    let a = p("(b7) r1 = 0 ; R1_w=0\n(85)call pc+1\n  (95) exit\n(b7) r0 = 1\n(95) exit\n");
    assert_eq!(a.insns[0], Insn::new(0xb7, 1, 0, 0, 0));
    assert_eq!(a.insns[1], Insn::new(0x85, 0, 1, 0, 1));
    assert_eq!(a.insns.len(), 5);
    // a parenthesis that is not an opcode byte is still an error
    assert!(parse("(x5) exit\n").is_err());
    assert!(parse("(123) exit\n").is_err());
}

/// The kernel log prints a helper id it does not know as
/// `call unknown#N` (`print_bpf_insn()`): pasted, it is that call.
#[test]
fn a_pasted_unknown_helper_call_keeps_its_number() {
    let a = p("12: (85) call unknown#195896080 ; R0=scalar()\ncall unknown#-7\nexit\n");
    assert_eq!(a.insns[0], Insn::new(0x85, 0, 0, 0, 195896080));
    assert_eq!(a.insns[1], Insn::new(0x85, 0, 0, 0, -7));
    // elsewhere `#` still starts a comment
    assert_eq!(p("call bpf_loop#181\nexit\n").insns[0].imm, 181);
    assert!(parse("r1 = unknown#3\nexit\n").is_err());
}

/// A kernel selftest's inline-asm body pasted as it is written: its
/// operands `%[name]`, its local labels `l0_%=` and the `\\` that ends each
/// line (after the `;` that starts a comment).
#[test]
fn a_pasted_selftest_body_parses() {
    let body = ".map map_hash_48b hash key=8 value=48 entries=1\n\
\tr1 = 0;\t\t\t\\\n\
\t*(u64*)(r10 - 8) = r1;\t\\\n\
\tr2 = r10;\t\\\n\
\tr2 += -8;\t\\\n\
\tr1 = %[map_hash_48b] ll;\t\\\n\
\tcall %[bpf_map_lookup_elem];\t\\\n\
\tif r0 == 0 goto l0_%=;\t\\\n\
\tr1 = *(u64*)(r0 + 0);\t\\\n\
l0_%=:\tr0 = 0;\t\\\n\
\texit;\t\\\n";
    let a = p(body);
    let plain = p(&body
        .replace("%[", "")
        .replace("]", "")
        .replace("l0_%=", "l0"));
    assert_eq!(a.insns, plain.insns);
    assert_eq!(a.insns[6], Insn::new(0x85, 0, 0, 0, 1));
    assert_eq!(a.insns[7].off, 1);
    // `%=` after a register is still the operator, spaces or none
    assert_eq!(
        p("r1 = 7\nr1%=3\nexit\n").insns[1],
        Insn::new(0x97, 1, 0, 0, 3)
    );
    // an operand left open is an error, not a name
    assert!(parse("call %[bpf_map_lookup_elem\nexit\n").is_err());
}

/// A whole `llvm-objdump -d` listing pasted as it is printed (LLVM 16 here,
/// and an older one's second half of a 64-bit load on its own line).
#[test]
fn a_pasted_objdump_listing_parses() {
    let src = "\n/tmp/minimal.o:\tfile format elf64-bpf\n\nDisassembly of section tp/syscalls/sys_enter_write:\n\n\
0000000000000000 <handle_tp>:\n\
       0:\t85 00 00 00 0e 00 00 00\tcall 0xe\n\
       1:\t18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00\tr1 = 0x0 ll\n\
       3:\t5d 01 01 00 00 00 00 00\tif r1 != r0 goto +0x1 <LBB0_2>\n\
       4:\t05 00 ff ff 00 00 00 00\tgoto -0x1 <LBB0_2>\n\n\
0000000000000028 <LBB0_2>:\n\
       5:\t18 02 00 00 07 00 00 00\tr2 = 0x7 ll\n\
       6:\t00 00 00 00 00 00 00 00\t\n\
       7:\t95 00 00 00 00 00 00 00\texit\n";
    let a = p(src);
    assert_eq!(a.insns.len(), 8);
    assert_eq!(a.insns[0], Insn::new(0x85, 0, 0, 0, 14));
    assert_eq!(a.insns[3], Insn::new(0x5d, 1, 0, 1, 0));
    assert_eq!(a.insns[4], Insn::new(0x05, 0, 0, -1, 0));
    assert_eq!(a.insns[5], Insn::new(0x18, 2, 0, 0, 7));
    assert_eq!(a.insns[7], Insn::new(0x95, 0, 0, 0, 0));
    // a relocation line of `llvm-objdump -dr` is an error that says what
    // to write, never silently a constant 0
    let d = parse("r1 = 0x0 ll\n\t\t0000000000000010:  R_BPF_64_64\tmy_map\nexit\n")
        .expect_err("a relocation line must not be dropped");
    let r = d[0].render("f.s", "");
    assert!(
        r.contains("f.s:2:") && r.contains("`rN = my_map ll`"),
        "{r}"
    );
    // only a jump's target sheds a name in angle brackets
    assert!(parse("r1 = 1 <x>\nexit\n").is_err());
    assert!(parse("if r1 < r2 goto +0 <\nexit\n").is_err());
}

#[test]
fn every_error_is_reported_with_its_place() {
    let src = "r11 = 1\ncall nosuch\ngoto missing\n.map x nosuchtype key=4\nlab:\nlab:\nr1 = 1 +\n";
    let d = parse(src).expect_err("must fail");
    let lines: Vec<u32> = d.iter().map(|x| x.line).collect();
    for l in [1, 2, 3, 4, 6, 7] {
        assert!(lines.contains(&l), "no diagnostic on line {}: {:?}", l, d);
    }
    let r = d[0].render("f.s", src);
    assert!(r.starts_with("f.s:1:1: error: no register r11"), "{}", r);
    assert!(r.contains("\n^~~"), "{}", r);
}

#[test]
fn empty_program_is_an_error() {
    assert!(parse("; nothing\n").is_err());
}

#[test]
fn numeric_labels_go_forward_and_back() {
    let a = p("1:\n r0 = 0\n if r0 == 0 goto 1f\n goto 1b\n1:\n exit");
    assert_eq!(a.insns[1].off, 1);
    assert_eq!(a.insns[2].off, -3);
}

#[test]
fn random_text_never_panics() {
    // `%`, `_`, `R`, `B`, `P`, `F`, `n`, `k`: selftest operands and labels
    // (`%[x]`, `l0_%=`), objdump's lines (`R_BPF_`, `<LBB0_2>`),
    // `call unknown#N`
    let alphabet: Vec<char> =
        "r0123456789w=+-*/()[]<>&|^!;#:. ,xsuglocaexitifgotoskbbe\"\n\tpll%_RBPFnk"
            .chars()
            .collect();
    let mut seed = 0x2545f4914f6cdd1du64;
    for _ in 0..3000 {
        let mut s = String::new();
        let n = (seed % 120) as usize;
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let _ = parse(&s);
        // mutations of a valid program
        let mut bytes: Vec<char> = EXAMPLE.chars().collect();
        let k = (seed % bytes.len() as u64) as usize;
        bytes[k] = alphabet[(seed >> 8) as usize % alphabet.len()];
        let m: String = bytes.into_iter().collect();
        if let Ok(prog) = parse(&m) {
            let _ = program_text(&prog);
            for i in 0..prog.insns.len() {
                let _ = insn_text(&prog, i);
            }
        }
    }
}

#[test]
fn a_misspelt_call_suggests_the_closest_name() {
    let msg = |src: &str| parse(src).expect_err("must fail")[0].message.clone();
    assert_eq!(
        msg("call bpf_map_lookup_elme\nexit"),
        "unknown helper or kernel function 'bpf_map_lookup_elme'; did you mean 'bpf_map_lookup_elem'?"
    );
    assert!(msg("call ringbuf_reserv\nexit").ends_with("did you mean 'bpf_ringbuf_reserve'?"));
    // a label is a candidate too
    assert!(msg("call release_cbb\nexit\nrelease_cb:\nr0 = 0\nexit")
        .ends_with("did you mean 'release_cb'?"));
    // nothing close: no guess
    assert_eq!(
        msg("call frobnicate\nexit"),
        "unknown helper, kernel function or label 'frobnicate'"
    );
    assert_eq!(edit_distance("elme", "elem"), 1);
    assert_eq!(edit_distance("", "abc"), 3);
}

#[test]
fn global_data_round_trips() {
    let src = ".map rodata array key=4 value=8 entries=1 flags=128 frozen=1
.mapdata rodata x0500000007
.map bss array key=4 value=16 entries=1
    r1 = rodata[0] ll
    r0 = *(u32 *)(r1 + 0)
    r2 = bss[8] ll
    *(u64 *)(r2 + 0) = r0
    exit
";
    let a = p(src);
    assert_eq!(a.insns[0].src, BPF_PSEUDO_MAP_VALUE);
    assert_eq!(a.insns[1].imm, 0);
    assert_eq!(a.insns[3].imm, 1);
    assert_eq!(a.insns[4].imm, 8);
    // the bytes as given; the rest of the value reads as zero
    assert_eq!(a.maps[0].data, vec![5, 0, 0, 0, 7]);
    assert!(a.maps[0].frozen && a.maps[0].flags == 128);
    let text = program_text(&a);
    let b = p(&text);
    assert_eq!(a.to_bytes(), b.to_bytes());
    assert_eq!(a.maps, b.maps);
    // an unknown map and a bad offset are errors with their place
    assert!(parse("r1 = nosuch[0] ll\nexit").is_err());
    assert!(parse(".map m array key=4 value=8 entries=1\nr1 = m[-1] ll\nexit").is_err());
    assert!(parse(".map m array key=4 value=8 entries=1\n.mapdata m xzz\nr0 = 0\nexit").is_err());
}

#[test]
fn the_kernel_logs_own_notation_parses() {
    // lines as Linux 6.1 and 6.12 print them, pasted with their prefixes
    let a = p("0: (18) r1 = 0xffff88803ff81600\n\
               2: (c3) r1 = atomic_xchg((u32 *)(r10 -8), r1)\n\
               3: (db) r2 = atomic64_fetch_add((u64 *)(r10 -8), r2)\n\
               4: (db) r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r2)\n\
               5: (95) exit");
    // the opcode byte is ignored (ASM.md): a 64-bit load printed without
    // `ll` reads as LLVM reads `r1 = 0xffff88803ff81600`, a move of the
    // low 32 bits, with a warning that names the `ll` form
    assert!(!a.insns[0].is_ld_imm64());
    assert_eq!(a.insns[0].imm as u32, 0x3ff81600);
    assert!(a.warnings[0].message.contains("ll"));
    assert_eq!(a.insns[1].imm, BPF_XCHG);
    assert_eq!(a.insns[1].size(), BPF_W);
    assert_eq!(a.insns[2].imm, 0x01);
    assert_eq!(a.insns[3].imm, BPF_CMPXCHG);
    assert!(parse("r1 = atomic_xchg((u64 *)(r10 -8), r2)\nexit").is_err());
}

#[test]
fn numeric_labels_take_the_nearest() {
    // `1b` is the nearest `1:` at or before the jump, `1f` the nearest after
    let a = p("1: r0 = 0\n1: r1 = 0\nif r0 > 0 goto 1b\nif r0 > 1 goto 1f\n1: r2 = 0\n1: exit");
    assert_eq!(a.insns[2].off, -2); // to insn 1
    assert_eq!(a.insns[3].off, 0); // to insn 4
    assert!(parse("if r0 > 0 goto 1b\n1: exit").is_err());
    assert!(parse("1: r0 = 0\nif r0 > 0 goto 1f\nexit").is_err());
}

#[test]
fn suggestions_in_a_text_full_of_unknown_names_are_bounded() {
    // every line an unknown name: only the kept diagnostics get a search
    let text: String = (0..3000).map(|i| format!("L{i}: call L{i}x\n")).collect();
    let diags = parse(&text).unwrap_err();
    assert_eq!(diags.len(), 1000);
    assert!(
        diags[0].message.contains("did you mean 'L0'"),
        "{}",
        diags[0].message
    );
}

#[test]
fn prog_type_takes_its_hook() {
    use crate::program::{AttachType, ProgType};
    let a = p(".prog_type cgroup_sock_addr connect4\nr0 = 1\nexit");
    assert_eq!(a.prog_type, ProgType::CgroupSockAddr);
    assert_eq!(a.expected_attach_type, Some(AttachType::Inet4Connect));
    let text = crate::disasm::program_text(&a);
    assert!(
        text.contains(".prog_type cgroup_sock_addr connect4"),
        "{}",
        text
    );
    assert_eq!(
        p(&text).expected_attach_type,
        Some(AttachType::Inet4Connect)
    );
    let e = p(".prog_type cgroup_skb egress\nr0 = 3\nexit");
    assert_eq!(e.expected_attach_type, Some(AttachType::CgroupInetEgress));
    // the kernel refuses a sock_addr program without its attach type
    let d = parse(".prog_type cgroup_sock_addr\nr0 = 1\nexit").unwrap_err();
    assert!(d[0].message.contains("needs its hook"), "{}", d[0].message);
    assert!(parse(".prog_type cgroup_sock_addr connect5\nr0 = 1\nexit").is_err());
    assert!(parse(".prog_type xdp egress\nr0 = 1\nexit").is_err());
    // cgroup_sock: socket creation unless a hook is named (the kernel's
    // bpf_prog_load_fixup_attach_type())
    let k = p(".prog_type cgroup_sock\nr0 = 1\nexit");
    assert_eq!(k.expected_attach_type, Some(AttachType::SockCreate));
    assert!(!crate::disasm::program_text(&k).contains("sock_create"));
    let b = p(".prog_type cgroup_sock post_bind6\nr0 = 1\nexit");
    assert_eq!(b.expected_attach_type, Some(AttachType::PostBind6));
    let text = crate::disasm::program_text(&b);
    assert_eq!(p(&text).expected_attach_type, Some(AttachType::PostBind6));
    assert!(parse(".prog_type cgroup_sock connect4\nr0 = 1\nexit").is_err());
    // the kernel refuses a sockopt program without its attach type
    let d = parse(".prog_type cgroup_sockopt\nr0 = 1\nexit").unwrap_err();
    assert!(d[0].message.contains("needs its hook"), "{}", d[0].message);
    let g = p(".prog_type cgroup_sockopt getsockopt\nr0 = 1\nexit");
    assert_eq!(g.expected_attach_type, Some(AttachType::Getsockopt));
    let text = crate::disasm::program_text(&g);
    assert_eq!(p(&text).expected_attach_type, Some(AttachType::Getsockopt));
    // device and sysctl hooks have one attach type each, implied by the
    // type (as libbpf's cgroup/dev and cgroup/sysctl give it)
    for (name, pt, at) in [
        (
            "cgroup_device",
            ProgType::CgroupDevice,
            AttachType::CgroupDevice,
        ),
        (
            "cgroup_sysctl",
            ProgType::CgroupSysctl,
            AttachType::CgroupSysctl,
        ),
    ] {
        let c = p(&format!(".prog_type {name}\nr0 = 1\nexit"));
        assert_eq!((c.prog_type, c.expected_attach_type), (pt, Some(at)));
        let text = crate::disasm::program_text(&c);
        assert!(text.contains(&format!(".prog_type {name}\n")), "{text}");
        assert_eq!(p(&text).expected_attach_type, Some(at));
        assert!(parse(&format!(".prog_type {name} egress\nr0 = 1\nexit")).is_err());
    }
}

#[test]
fn maps_of_maps_name_their_inner_template() {
    let src = ".map in0 array key=4 value=8 entries=4
.map outer array_of_maps key=4 value=4 entries=2 inner=in0
r0 = 0
exit
";
    let a = p(src);
    assert_eq!(a.maps[1].inner, Some(0));
    let text = crate::disasm::program_text(&a);
    assert!(text.contains("entries=2 inner=in0"), "{}", text);
    assert_eq!(p(&text).maps[1].inner, Some(0));
    // declared before, and only for maps of maps
    assert!(parse(".map outer array_of_maps key=4 value=4 entries=2 inner=in0\nexit").is_err());
    assert!(parse(".map in0 array key=4 value=8 entries=4\n.map h hash key=4 value=4 entries=2 inner=in0\nexit").is_err());
}

#[test]
fn each_map_of_maps_has_its_own_copy_of_a_shared_template() {
    // the kernel's inner_map_meta: one per outer map, none of them the
    // template the program names
    let src = ".map in0 array key=4 value=8 entries=4
.map o1 array_of_maps key=4 value=4 entries=1 inner=in0
.map o2 hash_of_maps key=4 value=4 entries=1 inner=in0
r1 = in0 ll
r0 = 0
exit
";
    let a = p(src);
    let (i1, i2) = (a.maps[1].inner.unwrap(), a.maps[2].inner.unwrap());
    assert!(i1 != i2 && i1 != 0 && i2 != 0);
    let (c1, c2) = (&a.maps[i1 as usize], &a.maps[i2 as usize]);
    assert!(c1.inner_meta && c2.inner_meta && !a.maps[0].inner_meta);
    assert_eq!((c1.name.as_str(), c1.value_size), ("o1.inner", 8));
    // the text round-trips: each copy declared before its outer map
    let text = crate::disasm::program_text(&a);
    let b = p(&text);
    assert_eq!(b.maps.len(), a.maps.len(), "{text}");
    assert_eq!(b.maps.iter().filter(|m| m.inner_meta).count(), 2, "{text}");
    // a template of one outer map, not named, is that map's copy
    let one = p(".map in0 array key=4 value=8 entries=4
.map o1 array_of_maps key=4 value=4 entries=1 inner=in0
r0 = 0
exit
");
    assert_eq!(one.maps.len(), 2);
    assert!(one.maps[0].inner_meta);
}

#[test]
fn btf_typed_programs_name_their_target() {
    use crate::program::AttachType;
    let a = p(".prog_type tracing fentry do_nanosleep\nr0 = 0\nexit");
    assert_eq!(a.prog_type, ProgType::Tracing);
    assert_eq!(a.expected_attach_type, Some(AttachType::TraceFentry));
    assert_eq!(a.attach_to.as_deref(), Some("do_nanosleep"));
    assert!(a.needs_kernel_btf());
    let text = crate::disasm::program_text(&a);
    assert!(
        text.starts_with(".prog_type tracing fentry do_nanosleep\n"),
        "{text}"
    );
    let l = p(".prog_type lsm file_open sleepable\nr0 = 0\nexit");
    assert_eq!(l.prog_type, ProgType::Lsm);
    assert!(l.sleepable);
    assert!(crate::disasm::program_text(&l).starts_with(".prog_type lsm file_open sleepable\n"));
    let i = p(".prog_type tracing iter task\nr0 = 0\nexit");
    assert_eq!(i.expected_attach_type, Some(AttachType::TraceIter));
    assert!(parse(".prog_type tracing fentry\nr0 = 0\nexit").is_err());
    assert!(parse(".prog_type tracing kprobe x\nr0 = 0\nexit").is_err());
    assert!(parse(".prog_type lsm\nr0 = 0\nexit").is_err());
    assert!(parse(".prog_type lsm file_open fast\nr0 = 0\nexit").is_err());
}

#[test]
fn struct_ops_programs_name_their_member() {
    use crate::program::AttachType;
    let s = p(".prog_type struct_ops tcp_congestion_ops release\nexit");
    assert_eq!(s.prog_type, ProgType::StructOps);
    assert_eq!(s.expected_attach_type, Some(AttachType::StructOpsRelease));
    assert_eq!(s.attach_to.as_deref(), Some("tcp_congestion_ops/release"));
    assert!(s.needs_kernel_btf());
    let text = crate::disasm::program_text(&s);
    assert!(
        text.starts_with(".prog_type struct_ops tcp_congestion_ops release\n"),
        "{text}"
    );
    let c = p(".prog_type struct_ops tcp_congestion_ops cong_avoid\nexit");
    assert_eq!(c.expected_attach_type, Some(AttachType::StructOps));
    assert!(parse(".prog_type struct_ops\nexit").is_err());
    assert!(parse(".prog_type struct_ops tcp_congestion_ops\nexit").is_err());
    // libbpf's struct_ops.s: a sleepable member, round-tripped
    let z = p(".prog_type struct_ops bpf_dummy_ops test_sleepable sleepable\nr0 = 0\nexit");
    assert!(z.sleepable);
    assert_eq!(z.attach_to.as_deref(), Some("bpf_dummy_ops/test_sleepable"));
    let text = crate::disasm::program_text(&z);
    assert!(
        text.starts_with(".prog_type struct_ops bpf_dummy_ops test_sleepable sleepable\n"),
        "{text}"
    );
    assert!(parse(".prog_type struct_ops bpf_dummy_ops test_1 sleepy\nexit").is_err());
}

#[test]
fn arena_round_trips() {
    let src = ".prog_type syscall
.map arena arena entries=4 flags=1024 extra=0x100000000
    r1 = arena ll
    r2 = 0
    r3 = 1
    r4 = -1
    r5 = 0
    call bpf_arena_alloc_pages
    r1 = addr_space_cast(r0, 0, 1)
    r2 = addr_space_cast(r1, 1, 0)
    r0 = 0
    exit
";
    let a = p(src);
    let cast = a.insns[7];
    assert_eq!(
        (cast.code, cast.dst, cast.src, cast.off, cast.imm),
        (BPF_ALU64 | BPF_MOV | BPF_X, 1, 0, 1, 1)
    );
    assert_eq!(a.insns[8].imm, 1 << 16);
    assert_eq!(a.maps[0].map_extra, 1 << 32);
    assert_eq!(insn_text(&a, 7), "(bf) r1 = addr_space_cast(r0, 0, 1)");
    let b = p(&program_text(&a));
    assert_eq!(a.to_bytes(), b.to_bytes());
    assert_eq!(a.maps, b.maps);
    // no key or value, and the address spaces are 16-bit
    assert!(parse(".map a arena entries=1 timer=0\nexit").is_err());
    assert!(parse(".map a arena entries=1\nr1 = addr_space_cast(r1, 0, 70000)\nexit").is_err());
    assert!(parse(".map a arena entries=1\nw1 = addr_space_cast(r1, 0, 1)\nexit").is_err());
}

#[test]
fn integer_suffixes_are_ignored_as_llvm_ignores_them() {
    // The kernel's selftests write C suffixes inside inline asm
    // (verifier_div0.c: `r1 = 0xffffffff00000000LL ll`).
    let prog = p("r1 = 0xffffffff00000000LL ll\nr2 = -9223372036854775808ULL ll\nr3 = 7u\nr4 = 5l\nr0 = 0\nexit\n");
    assert_eq!(insn_text(&prog, 0), "(18) r1 = 0xffffffff00000000");
    assert_eq!(insn_text(&prog, 2), "(18) r2 = 0x8000000000000000");
    assert_eq!(insn_text(&prog, 4), "(b7) r3 = 7");
    assert_eq!(insn_text(&prog, 5), "(b7) r4 = 5");
    // a suffix followed by more letters is still a bad number, and a
    // numeric label reference keeps its direction letter
    assert!(parse("r1 = 5lx\nexit\n").is_err());
    assert!(parse("r1 = 5ulll\nexit\n").is_err());
    let prog = p("1:\nif r1 > 2 goto 1f\nr1 = 3\ngoto 1b\n1:\nr0 = 0\nexit\n");
    assert_eq!(insn_text(&prog, 0), "(25) if r1 > 0x2 goto pc+2");
}

#[test]
fn a_64_bit_immediate_that_is_a_sign_extended_imm32_is_that_imm32() {
    // verifier_movsx.c: `if r0 < 0xfffffffffffffffe goto l0_%=`, which
    // LLVM encodes with imm -2.
    let prog = p("if r0 < 0xfffffffffffffffe goto 1f\nr0 += 0xffffffffffffffff\n1:\nexit\n");
    assert_eq!(insn_text(&prog, 0), "(a5) if r0 < 0xfffffffe goto pc+1");
    assert_eq!(insn_text(&prog, 1), "(07) r0 += -1");
    // wider than 64 bits, LLVM refuses it
    assert!(parse("r0 += 0x10000000000000000\nexit\n").is_err());
}

#[test]
fn a_constant_wider_than_its_field_keeps_its_low_bits_as_llvm_does() {
    // llvm-mc -triple bpf: `r0 += 0xffffffff7fffffff` is `r0 += 0x7fffffff`,
    // `r2 = 9223372036854775807` is `r2 = -1`, `(r10 - 70000)` is
    // `(r10 - 0x1170)`; the oracle's converter gives the kernel the same
    let prog = p("r0 += 0xffffffff7fffffff\nr2 = 9223372036854775807\nw3 = 0x1ffffffff\nr1 = *(u64 *)(r10 - 70000)\nexit\n");
    assert_eq!(insn_text(&prog, 0), "(07) r0 += 2147483647");
    assert_eq!(insn_text(&prog, 1), "(b7) r2 = -1");
    assert_eq!(insn_text(&prog, 2), "(b4) w3 = -1");
    assert_eq!(insn_text(&prog, 3), "(79) r1 = *(u64 *)(r10 -4464)");
    assert_eq!(prog.insns.len(), 5);
    // each one said, where it is written
    let w: Vec<(u32, &str)> = prog
        .warnings
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(w.len(), 4, "{w:?}");
    assert_eq!(w[1].0, 2);
    assert!(w[1].1.contains("keeps its low 32 bits, -1"), "{w:?}");
    assert!(w[3].1.contains("keeps its low 16 bits, -4464"), "{w:?}");
    // the kernel log's `(18)` byte is ignored (ASM.md), as the oracle's
    // converter ignores it: a move, and a warning naming the `ll` form
    let prog = p("0: (18) r1 = 0x1122334455667788\n2: (18) r2 = 0x5\n3: (95) exit\n");
    assert_eq!(prog.insns.len(), 3);
    assert_eq!(insn_text(&prog, 0), "(b7) r1 = 1432778632");
    assert_eq!(insn_text(&prog, 1), "(b7) r2 = 5");
    let w: Vec<&str> = prog.warnings.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0].contains("write `r1 = 0x1122334455667788 ll`"), "{w:?}");
    assert!(w[2].contains("write `r2 = 0x5 ll`"), "{w:?}");
}

#[test]
fn a_memory_offset_may_carry_its_own_sign_after_the_operator() {
    // the oracle reads `(r10 + -8)` and `(r10 - -8)`; the kernel prints
    // LD_IND's offset as `+ -70`
    let prog =
        p("r0 = *(u64 *)(r10 + -8)\nr1 = *(u64 *)(r10 - -8)\n*(u32 *)(r10 - +4) = r0\nexit\n");
    assert_eq!(insn_text(&prog, 0), "(79) r0 = *(u64 *)(r10 -8)");
    assert_eq!(insn_text(&prog, 1), "(79) r1 = *(u64 *)(r10 +8)");
    assert_eq!(insn_text(&prog, 2), "(63) *(u32 *)(r10 -4) = r0");
    assert!(parse("r0 = *(u64 *)(r10 + - - 8)\nexit\n").is_err());
}

#[test]
fn a_license_may_be_written_without_quotes() {
    // the oracle takes the rest of the line
    assert_eq!(p(".license GPL\nr0 = 0\nexit\n").license, "GPL");
    assert_eq!(
        p(".license Dual BSD/GPL ; a comment\nr0 = 0\nexit\n").license,
        "Dual BSD/GPL"
    );
    assert_eq!(p(".license \"GPL v2\"\nr0 = 0\nexit\n").license, "GPL v2");
    assert!(parse(".license\nr0 = 0\nexit\n").is_err());
}

#[test]
fn a_label_may_start_with_a_dot_as_llvm_s_local_labels_do() {
    let prog = p(".LBB0_1:\n    call .Lsub\n    r2 = .Lsub ll\n    if r0 > 1 goto .LBB0_1\n    exit\n.Lsub:\n    r0 = 0\n    exit\n");
    assert_eq!(insn_text(&prog, 0), "(85) call pc+4");
    assert_eq!(insn_text(&prog, 3), "(25) if r0 > 0x1 goto pc-4");
    // a dot at the start of a line without a colon is still a directive
    assert!(parse(".mpa m array\nexit\n").is_err());
    assert_eq!(p(".prog_type xdp\nr0 = 0\nexit\n").prog_type, ProgType::Xdp);
}

#[test]
fn prog_flags_are_read_by_name_or_number_in_any_order_with_the_type() {
    use crate::program::ProgFlags;
    let prog = p(".prog_flags BPF_F_STRICT_ALIGNMENT|test_state_freq\nr0 = 0\nexit\n");
    assert_eq!(
        prog.prog_flags.0,
        ProgFlags::STRICT_ALIGNMENT | ProgFlags::TEST_STATE_FREQ
    );
    assert_eq!(
        prog.prog_flags.names(),
        "BPF_F_STRICT_ALIGNMENT|BPF_F_TEST_STATE_FREQ"
    );
    assert_eq!(p(".prog_flags 8\nr0 = 0\nexit\n").prog_flags.0, 8);
    // BPF_F_SLEEPABLE is the type's `sleepable`, before or after it
    let prog = p(".prog_flags BPF_F_SLEEPABLE\n.prog_type kprobe\nr0 = 0\nexit\n");
    assert!(prog.sleepable && prog.prog_flags.0 == 0);
    // a flag that needs a descriptor, and a word that is no flag
    assert!(parse(".prog_flags BPF_F_TOKEN_FD\nr0 = 0\nexit\n").is_err());
    let e = parse(".prog_flags BPF_F_STRICT\nr0 = 0\nexit\n").unwrap_err();
    assert!(e[0].message.contains("unknown program flag 'BPF_F_STRICT'"));
    assert!(parse(".prog_flags\nr0 = 0\nexit\n").is_err());
}
