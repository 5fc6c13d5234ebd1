; a stack key at a variable offset (fp-16 or fp-8): root may
.prog_type sched_cls
.map m hash key=8 value=16 entries=4
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    *(u64 *)(r10 - 16) = r1
    call bpf_get_prandom_u32
    r0 &= 8
    r2 = r10
    r2 += -16
    r2 += r0
    r1 = m ll
    call bpf_map_lookup_elem
    r0 = 0
    exit
