; a map value with an offset in [0, 15] as an 8-byte key: may run past the end
.prog_type sched_cls
.map m hash key=8 value=16 entries=4
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r6 = r0
    call bpf_get_prandom_u32
    r0 &= 15
    r6 += r0
    r1 = m ll
    r2 = r6
    call bpf_map_lookup_elem
out:
    r0 = 0
    exit
