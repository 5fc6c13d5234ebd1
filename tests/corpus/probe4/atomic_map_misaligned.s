; an atomic add at a misaligned offset of a map value
.prog_type sched_cls
.map m array key=4 value=16 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = 1
    lock *(u64 *)(r0 + 4) += r1
out:
    r0 = 0
    exit
