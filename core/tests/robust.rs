//! The checker never panics: random instruction words, random programs made
//! of plausible instructions, and every kernel mode.

use proptest::prelude::*;
use veristep_core::{verify, Insn, KernelVersion, MapDef, MapType, Options, Program};

fn program(words: Vec<u64>, with_maps: bool) -> Program {
    let insns = words
        .into_iter()
        .map(|w| Insn::from_bytes(w.to_le_bytes()))
        .collect();
    let mut p = Program::new(insns);
    if with_maps {
        p.maps.push(MapDef {
            timer_off: Some(0),
            ..MapDef::new("m", MapType::Array, 4, 16, 1)
        });
        p.maps.push(MapDef::new("rb", MapType::Ringbuf, 0, 0, 4096));
    }
    p
}

/// Instruction words biased towards valid opcodes and small operands.
fn plausible() -> impl Strategy<Value = u64> {
    let codes = prop::sample::select(vec![
        0x07u8, 0x0f, 0x17, 0x1f, 0xb7, 0xbf, 0x57, 0x5f, 0x47, 0x67, 0x77, 0xc7, 0x27, 0x37, 0x97,
        0x87, 0xa7, 0x04, 0x0c, 0xb4, 0xbc, 0x05, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x45, 0x55, 0x5d,
        0x65, 0xa5, 0xb5, 0xc5, 0xd5, 0x16, 0x56, 0x85, 0x95, 0x18, 0x00, 0x61, 0x69, 0x71, 0x79,
        0x62, 0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b, 0xdb, 0xc3, 0x20, 0x28, 0x30, 0x40, 0xd4,
        0xdc,
    ]);
    (
        codes,
        0u8..11,
        0u8..5,
        -24i16..24,
        prop_oneof![-16i32..200, any::<i32>()],
    )
        .prop_map(|(c, d, s, o, i)| {
            let off = if c & 0x07 == 0x05 || c & 0x07 == 0x06 {
                o / 4
            } else {
                o
            };
            u64::from_le_bytes(Insn::new(c, d, s, off, i).to_bytes())
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_words_never_panic(words in prop::collection::vec(any::<u64>(), 1..40), maps in any::<bool>()) {
        let p = program(words, maps);
        for k in [KernelVersion::V5_19, KernelVersion::V6_1, KernelVersion::V6_7] {
            let _ = verify(&p, &Options { kernel: k, log_level: 2, trace: true , log_size: None });
        }
    }

    #[test]
    fn plausible_programs_never_panic(mut words in prop::collection::vec(plausible(), 1..60), maps in any::<bool>()) {
        words.push(u64::from_le_bytes(Insn::new(0x95, 0, 0, 0, 0).to_bytes()));
        let p = program(words, maps);
        for k in [KernelVersion::V5_19, KernelVersion::V6_1, KernelVersion::V6_7] {
            let o = verify(&p, &Options { kernel: k, log_level: 1, trace: false , log_size: None });
            // a rejection always carries a message
            if o.verdict == veristep_core::Verdict::Rejected {
                prop_assert!(o.message().map(|m| !m.is_empty()).unwrap_or(false), "{}", o.log);
            }
        }
    }
}

/// Programs that pass the CFG checks, so that the walk itself is exercised:
/// straight-line code with forward conditional jumps, helper calls (with
/// map pointers loaded first), stack and context accesses, ending in exit.
fn walkable() -> impl Strategy<Value = Vec<Insn>> {
    let piece = prop_oneof![
        (0u8..10, 0u8..11, -64i32..64, 0usize..10).prop_map(|(d, s, imm, op)| {
            let ops = [0x07u8, 0x0f, 0x17, 0x1f, 0xb7, 0xbf, 0x57, 0x67, 0x77, 0xc7];
            vec![Insn::new(
                ops[op],
                d,
                if ops[op] & 0x08 != 0 { s } else { 0 },
                0,
                imm,
            )]
        }),
        (
            0u8..10,
            1i16..64,
            prop::sample::select(vec![0x61u8, 0x69, 0x71, 0x79])
        )
            .prop_map(|(d, off, c)| { vec![Insn::new(c, d, 10, -off * 8 / 8 * 8 - 8, 0)] }),
        (0u8..10, 1i16..8).prop_map(|(s, off)| vec![Insn::new(0x7b, 10, s, -off * 8, 0)]),
        (
            1i16..4,
            0u8..10,
            -4i32..8,
            prop::sample::select(vec![0x15u8, 0x55, 0x25, 0xa5, 0x45, 0x65, 0xc5, 0x1d, 0x16])
        )
            .prop_map(|(skip, d, imm, c)| vec![Insn::new(
                c,
                d,
                if c & 0x08 != 0 { 1 } else { 0 },
                skip,
                imm
            )]),
        (
            prop::sample::select(vec![
                1i32, 2, 3, 5, 7, 12, 84, 86, 113, 130, 131, 132, 133, 164, 169, 170, 181
            ]),
            0u32..2
        )
            .prop_map(|(id, m)| vec![
                Insn::new(0x18, 1, 1, 0, m as i32),
                Insn::new(0, 0, 0, 0, 0),
                Insn::new(0xbf, 2, 10, 0, 0),
                Insn::new(0x07, 2, 0, 0, -8),
                Insn::new(0x85, 0, 0, 0, id),
            ]),
        (0u8..10).prop_map(|d| vec![Insn::new(0x61, d, 1, 0, 0)]),
    ];
    prop::collection::vec(piece, 1..25).prop_map(|pieces| {
        let mut v: Vec<Insn> = pieces.into_iter().flatten().collect();
        // keep conditional jumps inside the program and off ld_imm64 halves
        let n = v.len();
        for i in 0..n {
            let c = v[i].code;
            let is_jump =
                (c & 0x07 == 0x05 || c & 0x07 == 0x06) && c & 0xf0 != 0x80 && c & 0xf0 != 0x90;
            if is_jump {
                let max = (n - i) as i16;
                let mut off = v[i].off.clamp(0, max);
                while off > 0 && i + 1 + (off as usize) < n && v[i + off as usize].code == 0x18 {
                    off -= 1;
                }
                v[i].off = off;
            }
        }
        v.push(Insn::new(0xb7, 0, 0, 0, 0));
        v.push(Insn::new(0x95, 0, 0, 0, 0));
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn walkable_programs_never_panic(insns in walkable()) {
        let mut p = program(Vec::new(), true);
        p.insns = insns;
        for k in [KernelVersion::V5_19, KernelVersion::V6_1, KernelVersion::V6_7] {
            for level in [0, 1, 2] {
                let o = verify(&p, &Options { kernel: k, log_level: level, trace: level == 2 , log_size: None });
                if o.verdict == veristep_core::Verdict::Rejected {
                    prop_assert!(o.message().map(|m| !m.is_empty()).unwrap_or(false));
                }
            }
        }
    }
}

/// Every program type (with each attach type it takes): context loads and
/// stores at any offset and size, and walkable code, never panic, and a
/// rejection carries a message.
fn every_type(
) -> impl Strategy<Value = (veristep_core::ProgType, Option<veristep_core::AttachType>)> {
    use veristep_core::{AttachType as A, ProgType as P};
    prop::sample::select(vec![
        (P::SocketFilter, None),
        (P::Kprobe, None),
        (P::SchedCls, None),
        (P::SchedAct, None),
        (P::Tracepoint, None),
        (P::Xdp, None),
        (P::CgroupSkb, None),
        (P::CgroupSkb, Some(A::CgroupInetEgress)),
        (P::RawTracepoint, None),
        (P::RawTracepointWritable, None),
        (P::Syscall, None),
        (P::PerfEvent, None),
        (P::SkSkb, None),
        (P::SkMsg, None),
        (P::SockOps, None),
        (P::CgroupSockAddr, Some(A::Inet4Connect)),
        (P::CgroupSockAddr, Some(A::Udp6Recvmsg)),
        (P::CgroupSock, Some(A::SockCreate)),
        (P::CgroupSock, Some(A::PostBind4)),
        (P::CgroupSock, Some(A::PostBind6)),
        (P::CgroupSockopt, Some(A::Getsockopt)),
        (P::CgroupSockopt, Some(A::Setsockopt)),
        (P::CgroupDevice, Some(A::CgroupDevice)),
        (P::CgroupSysctl, Some(A::CgroupSysctl)),
        (P::SkLookup, Some(A::SkLookup)),
        (P::SkReuseport, None),
        (P::FlowDissector, None),
        (P::LwtIn, None),
        (P::LwtOut, None),
        (P::LwtXmit, None),
        (P::LwtSeg6local, None),
        // without the kernel's BTF: its context is refused, never a panic
        (P::StructOps, Some(A::StructOps)),
        (P::StructOps, Some(A::StructOpsRelease)),
    ])
}

fn ctx_access() -> impl Strategy<Value = Insn> {
    (
        prop::sample::select(vec![
            0x61u8, 0x69, 0x71, 0x79, 0x63, 0x6b, 0x73, 0x7b, 0x62, 0x7a,
        ]),
        2u8..10,
        0i16..50,
        any::<bool>(),
    )
        .prop_map(|(c, r, k, aligned)| {
            // mostly aligned to the access size, as real fields are
            let size = [4i16, 2, 1, 8][((c >> 3) & 3) as usize];
            let off = if aligned { k * size } else { k * 4 + 1 };
            let load = c & 0x07 == 0x01;
            Insn::new(
                c,
                if load { r } else { 1 },
                if load { 1 } else { r },
                off,
                0,
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_program_type_never_panics(
        (pt, attach) in every_type(),
        ctx in prop::collection::vec(ctx_access(), 0..6),
        insns in walkable(),
    ) {
        let mut p = program(Vec::new(), true);
        p.prog_type = pt;
        p.expected_attach_type = attach;
        // r2 (often a pointer a context read gave) used as memory
        p.insns = vec![Insn::new(0xb7, 2, 0, 0, 0)];
        p.insns.extend(ctx);
        p.insns.push(Insn::new(0x15, 2, 0, 1, 0));
        p.insns.push(Insn::new(0x71, 0, 2, 0, 0));
        p.insns.extend(insns);
        for k in [KernelVersion::V6_1, KernelVersion::V6_7] {
            let o = verify(&p, &Options { kernel: k, log_level: 2, trace: true , log_size: None });
            // (a struct_ops program with no struct, as libbpf 1.1 loads one
            // no map refers to: 6.12 refuses it with ENOTSUPP, silently)
            let unattached = pt == veristep_core::ProgType::StructOps
                && k == KernelVersion::V6_7
                && o.error.as_ref().is_some_and(|e| e.errno == 524);
            if o.verdict == veristep_core::Verdict::Rejected && !unattached {
                prop_assert!(o.message().map(|m| !m.is_empty()).unwrap_or(false), "{}", o.log);
            }
        }
    }
}

mod kernel_btf {
    //! CO-RE relocations and BTF-typed programs come from untrusted
    //! objects: damaged relocation records and damaged attach targets are
    //! errors or poisoned instructions, never a panic, against the real
    //! kernel's BTF.
    use super::*;
    use std::sync::{Arc, OnceLock};
    use veristep_core::relo_core::KernelBtf;

    fn kernel() -> &'static Arc<KernelBtf> {
        static K: OnceLock<Arc<KernelBtf>> = OnceLock::new();
        K.get_or_init(|| {
            let gz = include_bytes!("../../static/btf/linux-6.1.btf.gz");
            Arc::new(KernelBtf::from_gzip(gz).expect("the 6.1 BTF"))
        })
    }

    fn object(name: &str) -> Vec<veristep_core::elf::ObjProgram> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/c/obj")
            .join(name);
        let bytes = std::fs::read(path).expect("the fixture");
        veristep_core::elf::load(&bytes).expect("loads").programs
    }

    /// A congestion control (tests/c/sto_tcp_ca.bpf.c): each program is
    /// the member its `.struct_ops` variable names, and all are accepted,
    /// with the counters Linux 6.1 gives them (kernel-diff checks them
    /// against the kernel itself).
    #[test]
    fn a_congestion_control_loads_member_by_member() {
        let progs = object("sto_tcp_ca.o");
        let want = [
            ("sto_init", "tcp_congestion_ops/init", 10),
            ("sto_ssthresh", "tcp_congestion_ops/ssthresh", 9),
            ("sto_cong_avoid", "tcp_congestion_ops/cong_avoid", 28),
            ("sto_undo_cwnd", "tcp_congestion_ops/undo_cwnd", 14),
            ("sto_cwnd_event", "tcp_congestion_ops/cwnd_event", 12),
            ("sto_pkts_acked", "tcp_congestion_ops/pkts_acked", 13),
            ("sto_set_state", "tcp_congestion_ops/set_state", 15),
        ];
        assert_eq!(progs.len(), want.len());
        for (name, slot, processed) in want {
            let p = progs.iter().find(|p| p.name == name).expect(name);
            assert_eq!(p.program.attach_to.as_deref(), Some(slot));
            let r = p.program.relocated(name, kernel()).expect("relocates");
            let o = verify(
                &r,
                &Options {
                    kernel: KernelVersion::V6_1,
                    log_level: 0,
                    trace: false,
                    log_size: None,
                },
            );
            assert_eq!(
                o.verdict,
                veristep_core::Verdict::Accepted,
                "{name}: {:?}",
                o.message()
            );
            assert_eq!(o.stats.processed, processed, "{name}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn damaged_relocations_never_panic(
            which in 0usize..3,
            kind in 0u32..16,
            type_id in prop_oneof![0u32..40, any::<u32>()],
            access in "[0-9:]{0,12}",
            insn in 0usize..64,
        ) {
            let objs = ["core_enum_kernel.o", "core_missing_field.o", "core_ctx_resize.o"];
            for p in object(objs[which]) {
                let mut prog = p.program.clone();
                if let Some(site) = prog.core_relos.first_mut() {
                    site.relo.kind = kind;
                    site.relo.type_id = type_id;
                    site.relo.access = access.clone();
                    site.insn = insn;
                }
                if let Ok(r) = prog.relocated(&p.name, kernel()) {
                    let _ = verify(&r, &Options { kernel: KernelVersion::V6_1, log_level: 2, trace: false , log_size: None });
                }
            }
        }

        #[test]
        fn any_attach_target_never_panics(
            target in "[a-z_]{1,24}",
            attach in 0usize..7,
            words in prop::collection::vec(plausible(), 1..40),
        ) {
            use veristep_core::{AttachType as A, ProgType as P};
            let kinds = [
                (P::Tracing, A::TraceFentry),
                (P::Tracing, A::TraceFexit),
                (P::Tracing, A::ModifyReturn),
                (P::Tracing, A::TraceRawTp),
                (P::Lsm, A::LsmMac),
                (P::Tracing, A::TraceIter),
                (P::StructOps, A::StructOps),
            ];
            // well-known targets too, so that contexts and walks are reached
            let known = ["do_nanosleep", "sched_switch", "file_open", "task", "bpf_map", "tcp_v4_connect", "tcp_congestion_ops/cong_avoid"];
            for t in [target.as_str(), known[attach]] {
                let mut prog = program(words.clone(), true);
                prog.prog_type = kinds[attach].0;
                prog.expected_attach_type = Some(kinds[attach].1);
                prog.attach_to = Some(t.to_string());
                if let Ok(r) = prog.relocated("p", kernel()) {
                    for k in [KernelVersion::V6_1, KernelVersion::V6_7] {
                        let _ = verify(&r, &Options { kernel: k, log_level: 2, trace: false , log_size: None });
                    }
                }
            }
        }
    }
}
