//! A text program (ASM.md) as C that clang compiles into an object whose
//! program has the same instructions, for `kernel-diff` to load the `.s`
//! corpus through libbpf into the real kernel.
//!
//! Each function becomes a naked C function whose body is the raw 8-byte
//! encodings (`.8byte`), except where the object needs a relocation: map
//! loads (`r1 = MAP ll`), calls to subprograms (`call NAME`) and callback
//! addresses (`r2 = NAME ll`), written in LLVM's BPF assembly so clang emits
//! the relocation. Maps become BTF-defined maps, with a value struct holding
//! `struct bpf_timer` / `struct bpf_spin_lock` at their offsets. The entry
//! goes into its program section, subprograms into `.text`: libbpf then
//! appends them in the order of first use, which may differ from the file's,
//! so veristep verifies the compiled object (loaded as libbpf does), not
//! the text.

use veristep_core::{AttachType, MapType, ProgType, Program};

/// libbpf's section for the program, which gives it its type and expected
/// attach type.
fn section(p: &Program) -> Option<String> {
    // libbpf's names, whose attach types the text implies
    match p.prog_type {
        ProgType::CgroupDevice => return Some("cgroup/dev".to_string()),
        ProgType::CgroupSysctl => return Some("cgroup/sysctl".to_string()),
        ProgType::SkLookup => return Some("sk_lookup".to_string()),
        // typed by the kernel's BTF: libbpf's KIND/TARGET (`fentry/FUNC`,
        // `lsm/HOOK`, ...) gives the attach type and target
        ProgType::Tracing | ProgType::Lsm => {
            let (a, t) = (p.expected_attach_type?, p.attach_to.as_ref()?);
            // libbpf has no `lsm_cgroup.s/`: the flag says it instead
            let s = if p.sleepable && a != AttachType::LsmCgroup {
                ".s"
            } else {
                ""
            };
            return Some(format!("{}{s}/{t}", a.name()));
        }
        _ => {}
    }
    if let Some(a) = p.expected_attach_type {
        return Some(match p.prog_type {
            ProgType::CgroupSkb => format!("cgroup_skb/{}", a.name()),
            // `xdp/devmap`, `xdp/cpumap`
            ProgType::Xdp => format!("xdp/{}", a.name()),
            _ => format!("cgroup/{}", a.name()),
        });
    }
    Some(
        match p.prog_type {
            ProgType::SocketFilter => "socket",
            ProgType::Kprobe => "kprobe/do_nanosleep",
            ProgType::SchedCls => "tc",
            ProgType::SchedAct => "action",
            ProgType::Tracepoint => "tracepoint/syscalls/sys_enter_getpid",
            ProgType::Xdp => "xdp",
            ProgType::CgroupSkb => "cgroup_skb/ingress",
            ProgType::RawTracepoint => "raw_tracepoint/sys_enter",
            ProgType::Syscall => "syscall",
            ProgType::PerfEvent => "perf_event",
            ProgType::SkSkb => "sk_skb/stream_verdict",
            ProgType::SkMsg => "sk_msg",
            ProgType::SockOps => "sockops",
            // needs its hook, which the text gives with the type
            ProgType::CgroupSockAddr => return None,
            ProgType::CgroupDevice
            | ProgType::CgroupSysctl
            | ProgType::CgroupSock
            | ProgType::CgroupSockopt
            | ProgType::SkLookup => return None,
            ProgType::LwtIn => "lwt_in",
            ProgType::FlowDissector => "flow_dissector",
            ProgType::RawTracepointWritable => "raw_tp.w/bpf_test_finish",
            ProgType::SkReuseport => "sk_reuseport",
            ProgType::LwtOut => "lwt_out",
            ProgType::LwtXmit => "lwt_xmit",
            ProgType::LwtSeg6local => "lwt_seg6local",
            ProgType::Netfilter => "netfilter",
            ProgType::LircMode2 => "lirc_mode2",
            ProgType::Tracing | ProgType::Lsm | ProgType::StructOps => return None,
        }
        .to_string(),
    )
}

/// The C prototype of a test kfunc (libbpf checks it against the kernel's BTF).
fn kfunc_proto(btf_id: i32) -> Option<(&'static str, &'static str, usize)> {
    let name = match veristep_core::kfunc_by_btf_id(btf_id) {
        Some(k) => k.name,
        None => veristep_core::kfunc_by_text_id(btf_id)?.name,
    };
    struct K {
        name: &'static str,
    }
    let k = K { name };
    Some(match k.name {
        "bpf_kfunc_call_test_acquire" => (
            k.name,
            "struct prog_test_ref_kfunc *bpf_kfunc_call_test_acquire(unsigned long *scalar_ptr)",
            1,
        ),
        "bpf_kfunc_call_test_release" => (
            k.name,
            "void bpf_kfunc_call_test_release(struct prog_test_ref_kfunc *p)",
            1,
        ),
        "bpf_kfunc_call_test_kptr_get" => (
            k.name,
            "struct prog_test_ref_kfunc *bpf_kfunc_call_test_kptr_get(struct prog_test_ref_kfunc **pp, int a, int b)",
            3,
        ),
        // the rest of 6.1's test set that the kernel's own tests call
        "bpf_kfunc_call_test_fail1" => (
            k.name,
            "void bpf_kfunc_call_test_fail1(struct prog_test_fail1 *p)",
            1,
        ),
        "bpf_kfunc_call_test_fail2" => (
            k.name,
            "void bpf_kfunc_call_test_fail2(struct prog_test_fail2 *p)",
            1,
        ),
        "bpf_kfunc_call_test_fail3" => (
            k.name,
            "void bpf_kfunc_call_test_fail3(struct prog_test_fail3 *p)",
            1,
        ),
        "bpf_kfunc_call_test_pass_ctx" => (
            k.name,
            "void bpf_kfunc_call_test_pass_ctx(struct __sk_buff *skb)",
            1,
        ),
        "bpf_kfunc_call_test_mem_len_fail1" => (
            k.name,
            "void bpf_kfunc_call_test_mem_len_fail1(void *mem, int len)",
            2,
        ),
        "bpf_kfunc_call_test_ref" => (
            k.name,
            "void bpf_kfunc_call_test_ref(struct prog_test_ref_kfunc *p)",
            1,
        ),
        "bpf_kfunc_call_memb_acquire" => (
            k.name,
            "struct prog_test_member *bpf_kfunc_call_memb_acquire(void)",
            0,
        ),
        "bpf_kfunc_call_memb_release" => (
            k.name,
            "void bpf_kfunc_call_memb_release(struct prog_test_member *p)",
            1,
        ),
        "bpf_kfunc_call_memb1_release" => (
            k.name,
            "void bpf_kfunc_call_memb1_release(struct prog_test_member1 *p)",
            1,
        ),
        // kernel/bpf/helpers.c: tasks, cgroups and RCU (6.2+)
        "bpf_task_acquire" => (
            k.name,
            "struct task_struct *bpf_task_acquire(struct task_struct *p)",
            1,
        ),
        "bpf_task_release" => (k.name, "void bpf_task_release(struct task_struct *p)", 1),
        "bpf_task_from_pid" => (k.name, "struct task_struct *bpf_task_from_pid(int pid)", 1),
        "bpf_cgroup_acquire" => (
            k.name,
            "struct cgroup *bpf_cgroup_acquire(struct cgroup *cgrp)",
            1,
        ),
        "bpf_cgroup_release" => (k.name, "void bpf_cgroup_release(struct cgroup *cgrp)", 1),
        "bpf_rcu_read_lock" => (k.name, "void bpf_rcu_read_lock(void)", 0),
        "bpf_rcu_read_unlock" => (k.name, "void bpf_rcu_read_unlock(void)", 0),
        // kernel/bpf/cpumask.c (6.3+)
        "bpf_cpumask_create" => (k.name, "struct bpf_cpumask *bpf_cpumask_create(void)", 0),
        "bpf_cpumask_release" => (
            k.name,
            "void bpf_cpumask_release(struct bpf_cpumask *cpumask)",
            1,
        ),
        "bpf_cpumask_acquire" => (
            k.name,
            "struct bpf_cpumask *bpf_cpumask_acquire(struct bpf_cpumask *cpumask)",
            1,
        ),
        "bpf_cpumask_set_cpu" => (
            k.name,
            "void bpf_cpumask_set_cpu(__u32 cpu, struct bpf_cpumask *cpumask)",
            2,
        ),
        "bpf_cpumask_test_cpu" => (
            k.name,
            "_Bool bpf_cpumask_test_cpu(__u32 cpu, const struct cpumask *cpumask)",
            2,
        ),
        "bpf_cpumask_first" => (
            k.name,
            "__u32 bpf_cpumask_first(const struct cpumask *cpumask)",
            1,
        ),
        "bpf_cpumask_weight" => (
            k.name,
            "__u32 bpf_cpumask_weight(const struct cpumask *cpumask)",
            1,
        ),
        // kernel/bpf/task_iter.c: a task's VMAs, open-coded (6.7+)
        "bpf_iter_task_vma_new" => (
            k.name,
            "int bpf_iter_task_vma_new(struct bpf_iter_task_vma *it, struct task_struct *task, __u64 addr)",
            3,
        ),
        "bpf_iter_task_vma_next" => (
            k.name,
            "struct vm_area_struct *bpf_iter_task_vma_next(struct bpf_iter_task_vma *it)",
            1,
        ),
        "bpf_iter_task_vma_destroy" => (
            k.name,
            "void bpf_iter_task_vma_destroy(struct bpf_iter_task_vma *it)",
            1,
        ),
        // kernel/bpf/bpf_iter.c: a range of integers, open-coded (6.4+)
        "bpf_iter_num_new" => (
            k.name,
            "int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end)",
            3,
        ),
        "bpf_iter_num_next" => (
            k.name,
            "int *bpf_iter_num_next(struct bpf_iter_num *it)",
            1,
        ),
        "bpf_iter_num_destroy" => (
            k.name,
            "void bpf_iter_num_destroy(struct bpf_iter_num *it)",
            1,
        ),
        // kernel/bpf/helpers.c and net/core/filter.c: dynptrs (6.3+)
        "bpf_dynptr_from_skb" => (
            k.name,
            "int bpf_dynptr_from_skb(struct __sk_buff *s, __u64 flags, struct bpf_dynptr *ptr__uninit)",
            3,
        ),
        "bpf_dynptr_from_xdp" => (
            k.name,
            "int bpf_dynptr_from_xdp(struct xdp_md *x, __u64 flags, struct bpf_dynptr *ptr__uninit)",
            3,
        ),
        "bpf_dynptr_slice" => (
            k.name,
            "void *bpf_dynptr_slice(const struct bpf_dynptr *p, __u32 offset, void *buffer__opt, __u32 buffer__szk)",
            4,
        ),
        "bpf_dynptr_slice_rdwr" => (
            k.name,
            "void *bpf_dynptr_slice_rdwr(const struct bpf_dynptr *p, __u32 offset, void *buffer__opt, __u32 buffer__szk)",
            4,
        ),
        "bpf_dynptr_adjust" => (
            k.name,
            "int bpf_dynptr_adjust(const struct bpf_dynptr *p, __u32 start, __u32 end)",
            3,
        ),
        "bpf_dynptr_is_null" => (k.name, "_Bool bpf_dynptr_is_null(const struct bpf_dynptr *p)", 1),
        "bpf_dynptr_is_rdonly" => (
            k.name,
            "_Bool bpf_dynptr_is_rdonly(const struct bpf_dynptr *p)",
            1,
        ),
        "bpf_dynptr_size" => (k.name, "__u32 bpf_dynptr_size(const struct bpf_dynptr *p)", 1),
        "bpf_dynptr_clone" => (
            k.name,
            "int bpf_dynptr_clone(const struct bpf_dynptr *p, struct bpf_dynptr *clone__uninit)",
            2,
        ),
        // kernel/bpf/arena.c (6.9+)
        "bpf_arena_alloc_pages" => (
            k.name,
            "void *bpf_arena_alloc_pages(void *p__map, void *addr__ign, __u32 page_cnt, int node_id, __u64 flags)",
            5,
        ),
        "bpf_arena_free_pages" => (
            k.name,
            "void bpf_arena_free_pages(void *p__map, void *ptr__ign, __u32 page_cnt)",
            3,
        ),
        _ => return None,
    })
}

/// The fields of a map's definition in libbpf's BTF-defined form (`.maps`),
/// one per line, each starting with a tab.
fn map_fields(m: &veristep_core::program::MapDef) -> String {
    let mut c = String::new();
    let mut special = Vec::new();
    if let Some(o) = m.timer_off {
        special.push((o, "struct bpf_timer", 16u32));
    }
    if let Some(o) = m.lock_off {
        special.push((o, "struct bpf_spin_lock", 4u32));
    }
    special.sort();
    // the kernel's enum names are the text format's, upper case
    // (by number where 6.1's headers lack it)
    if m.map_type == MapType::Arena {
        c.push_str(&format!("\t__uint(type, {});\n", m.map_type.number()));
    } else {
        c.push_str(&format!(
            "\t__uint(type, BPF_MAP_TYPE_{});\n",
            m.map_type.name().to_uppercase()
        ));
    }
    c.push_str(&format!("\t__uint(max_entries, {});\n", m.max_entries));
    // an arena's flags (BPF_F_MMAPABLE) and user address; other maps'
    // flags are global data's, which this loader cannot set up
    // an LPM trie's BPF_F_NO_PREALLOC, which the kernel requires
    if matches!(m.map_type, MapType::Arena | MapType::LpmTrie) && m.flags != 0 {
        c.push_str(&format!("\t__uint(map_flags, {});\n", m.flags));
    }
    if m.map_type == MapType::Arena && m.map_extra != 0 {
        c.push_str(&format!("\t__ulong(map_extra, {:#x});\n", m.map_extra));
    }
    if m.map_type.is_local_storage() {
        // the kernel wants BTF types and BPF_F_NO_PREALLOC (the text's
        // flags=) for local storage
        c.push_str(&format!("\t__uint(map_flags, {});\n", m.flags));
        c.push_str("\t__type(key, int);\n");
        c.push_str(&format!(
            "\t__type(value, struct {{ char v[{}]; }});\n",
            m.value_size
        ));
    } else if !matches!(m.map_type, MapType::Ringbuf | MapType::Arena) {
        if special.is_empty() {
            c.push_str(&format!(
                "\t__uint(key_size, {});\n\t__uint(value_size, {});\n",
                m.key_size, m.value_size
            ));
        } else {
            // a value struct with the special fields at their offsets
            // array maps take BTF only with a 32-bit int key
            if m.key_size == 4 {
                c.push_str("\t__type(key, __u32);\n");
            } else {
                c.push_str(&format!("\t__type(key, char[{}]);\n", m.key_size));
            }
            c.push_str("\t__type(value, struct {\n");
            let mut at = 0u32;
            for (i, (off, ty, size)) in special.iter().enumerate() {
                if *off > at {
                    c.push_str(&format!("\t\tchar pad{i}[{}];\n", off - at));
                }
                c.push_str(&format!("\t\t{ty} s{i};\n"));
                at = off + size;
            }
            if m.value_size > at {
                c.push_str(&format!("\t\tchar tail[{}];\n", m.value_size - at));
            }
            c.push_str("\t});\n");
        }
    }
    c
}

/// C for a program, or why it cannot be converted.
pub fn to_c(p: &Program) -> Result<String, String> {
    let sec = section(p).ok_or("program type without a section")?;
    if p.maps.iter().any(|m| {
        matches!(m.map_type, MapType::ArrayOfMaps | MapType::HashOfMaps) && m.inner.is_none()
    }) {
        return Err("map-in-map needs an inner map template".into());
    }
    // function starts: 0 and every call / callback target
    let mut starts = vec![0usize];
    for (i, insn) in p.insns.iter().enumerate() {
        if insn.is_pseudo_call() || insn.is_pseudo_func() {
            let t = i as i64 + insn.imm as i64 + 1;
            if t < 0 || t as usize >= p.insns.len() {
                return Err(format!("insn {i}: call target out of range"));
            }
            starts.push(t as usize);
        }
        if insn.code == 0x85 && insn.src == 2 && kfunc_proto(insn.imm).is_none() {
            return Err(format!(
                "insn {i}: a kernel function without a C prototype here"
            ));
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let name = |s: usize| {
        if s == 0 {
            "prog".to_string()
        } else {
            format!("f{s}")
        }
    };
    // libbpf 1.4's bpf_helpers.h declares the bpf_iter_num kfuncs __weak,
    // which would make libbpf poison their calls on a kernel without them
    // where a text program's kfunc (like every other here) must fail to
    // resolve: the header's declarations get other names
    let mut c = String::from(
        "#include <linux/bpf.h>\n\
         #define bpf_iter_num_new asm2c_hdr_iter_num_new\n\
         #define bpf_iter_num_next asm2c_hdr_iter_num_next\n\
         #define bpf_iter_num_destroy asm2c_hdr_iter_num_destroy\n\
         #include <bpf/bpf_helpers.h>\n\
         #undef bpf_iter_num_new\n#undef bpf_iter_num_next\n#undef bpf_iter_num_destroy\n\n",
    );
    // `.prog_flags`: the loader adds them with bpf_program__set_flags()
    let mut flags = p.prog_flags.0;
    // sleepable where the section does not say it (`fentry.s/`, `lsm.s/`,
    // `struct_ops.s/` do; `syscall` is)
    let section_says = match p.prog_type {
        ProgType::Tracing | ProgType::StructOps | ProgType::Syscall => true,
        ProgType::Lsm => p.expected_attach_type != Some(AttachType::LsmCgroup),
        _ => false,
    };
    if p.sleepable && !section_says {
        flags |= veristep_core::ProgFlags::SLEEPABLE;
    }
    if flags != 0 {
        c.push_str(&format!("// kernel-diff: set-flags prog {flags}\n\n"));
    }
    c.push_str(&format!(
        "char LICENSE[] SEC(\"license\") = \"{}\";\n\n",
        p.license.replace('"', "")
    ));
    for m in &p.maps {
        // an outer map's copy of its template is written inside it
        if m.inner_meta {
            continue;
        }
        c.push_str("struct {\n");
        match m.inner {
            // a map of maps: its values are map fds (4 bytes, which
            // libbpf sets), the inner map's definition the template
            Some(i) => {
                let inner = p.maps.get(i as usize).ok_or("an inner map out of range")?;
                if m.value_size != 4 {
                    return Err(format!("map {}: a map of maps holds 4-byte values", m.name));
                }
                c.push_str(&format!(
                    "\t__uint(type, BPF_MAP_TYPE_{});\n\t__uint(max_entries, {});\n\t__uint(key_size, {});\n",
                    m.map_type.name().to_uppercase(),
                    m.max_entries,
                    m.key_size
                ));
                c.push_str("\t__array(values, struct {\n");
                for l in map_fields(inner).lines() {
                    c.push_str(&format!("\t{l}\n"));
                }
                c.push_str("\t});\n");
            }
            None => c.push_str(&map_fields(m)),
        }
        c.push_str(&format!("}} {} SEC(\".maps\");\n\n", m.name));
    }
    // kernel functions: a struct with a body (libbpf's BTF check refuses a
    // bare forward declaration) and `__ksym` externs
    let mut kfs: Vec<(&str, &str, usize)> = p
        .insns
        .iter()
        .filter(|i| i.code == 0x85 && i.src == 2)
        .filter_map(|i| kfunc_proto(i.imm))
        .collect();
    kfs.sort_unstable();
    kfs.dedup();
    if !kfs.is_empty() {
        c.push_str("struct prog_test_ref_kfunc { int a; int b; };\n");
        c.push_str(
            "struct prog_test_fail1 { void *p; int x; };\nstruct prog_test_fail2 { int x8; };\n\
             struct prog_test_fail3 { int len; };\nstruct prog_test_member1 { int a; };\n\
             struct prog_test_member { struct prog_test_member1 m; int c; };\n\
             struct task_struct { int a; };\nstruct cgroup { int a; };\n\
             struct bpf_cpumask { int a; };\nstruct cpumask { int a; };\n\
             struct vm_area_struct { int a; };\n\
             struct bpf_iter_task_vma { __u64 __opaque[1]; } __attribute__((aligned(8)));\n\
             struct bpf_iter_num { __u64 __opaque[1]; } __attribute__((aligned(8)));\n",
        );
        for (_, proto, _) in &kfs {
            c.push_str(&format!("extern {proto} __ksym;\n"));
        }
        c.push('\n');
    }
    // forward declarations, so any function may name any other
    for &s in &starts[1..] {
        c.push_str(&format!(
            "static __attribute__((naked, noinline, used)) void {}(void);\n",
            name(s)
        ));
    }
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(p.insns.len());
        if s == 0 {
            c.push_str(&format!(
                "\nSEC(\"{sec}\") __attribute__((naked)) int {}(void)\n{{\n\tasm volatile(\n",
                name(s)
            ));
        } else {
            c.push_str(&format!("\nstatic __attribute__((naked, noinline, used)) void {}(void)\n{{\n\tasm volatile(\n", name(s)));
        }
        let mut i = s;
        while i < end {
            let insn = p.insns[i];
            if insn.is_ld_imm64() && i + 1 < end {
                match insn.src {
                    1 => {
                        let m = p
                            .maps
                            .get(insn.imm as usize)
                            .ok_or("a map index out of range")?;
                        c.push_str(&format!("\t\t\"r{} = {} ll\\n\"\n", insn.dst, m.name));
                    }
                    4 => {
                        let t = (i as i64 + insn.imm as i64 + 1) as usize;
                        c.push_str(&format!("\t\t\"r{} = {} ll\\n\"\n", insn.dst, name(t)));
                    }
                    // a constant, or a load whose source names nothing
                    // the object could relocate (a BTF id, a damaged
                    // encoding): as it is encoded
                    0 | 3 | 7.. => {
                        for j in [i, i + 1] {
                            let v = u64::from_le_bytes(p.insns[j].to_bytes());
                            c.push_str(&format!("\t\t\".8byte {v:#018x}\\n\"\n"));
                        }
                    }
                    s => return Err(format!("insn {i}: ld_imm64 with src {s}")),
                }
                i += 2;
                continue;
            }
            if insn.code == 0x85 && insn.src == 2 {
                let (kname, _, _) = kfunc_proto(insn.imm).ok_or("unknown kfunc")?;
                c.push_str(&format!("\t\t\"call {kname}\\n\"\n"));
            } else if insn.is_pseudo_call() {
                let t = (i as i64 + insn.imm as i64 + 1) as usize;
                c.push_str(&format!("\t\t\"call {}\\n\"\n", name(t)));
            } else {
                let v = u64::from_le_bytes(insn.to_bytes());
                c.push_str(&format!("\t\t\".8byte {v:#018x}\\n\"\n"));
            }
            i += 1;
        }
        c.push_str("\t);\n}\n");
    }
    if !kfs.is_empty() {
        // clang emits an extern function's BTF only where C calls it: a
        // function nothing refers to, so libbpf never loads it
        c.push_str("\nstatic __attribute__((noinline, used)) void keep_kfunc_btf(void)\n{\n");
        for (name, _, nargs) in &kfs {
            let zeros = vec!["0"; *nargs].join(", ");
            c.push_str(&format!("\t{name}({zeros});\n"));
        }
        c.push_str("}\n");
    }
    Ok(c)
}
