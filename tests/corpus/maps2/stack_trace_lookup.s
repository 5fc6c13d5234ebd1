; kprobe: a stack trace map is only for bpf_get_stackid
.prog_type kprobe
.map st stack_trace key=4 value=64 entries=16
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = st ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r0 = 0
    exit
