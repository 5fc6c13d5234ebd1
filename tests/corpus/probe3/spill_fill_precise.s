; a bounded value spilled and filled, then used as an offset
.map arr array key=4 value=16 entries=1
    call bpf_get_prandom_u32
    r0 &= 7
    *(u64 *)(r10 - 16) = r0
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = arr ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = *(u64 *)(r10 - 16)
    r0 += r1
    r2 = *(u64 *)(r0 + 0)
out:
    r0 = 0
    exit
