; a socket storage in ASM.md's form: no flags and no BTF types, as the
; oracle's C declares it; the kernel wants BPF_F_NO_PREALLOC and BTF key and
; value types, so libbpf's creation fails (veristep's flags=1 makes one that
; loads, its BTF implied)
.prog_type sched_cls
.map st sk_storage key=4 value=8 entries=0
    r1 = st ll
    r0 = 0
    exit
