; multiply of an unknown bounded value then map value access
.map arr array key=4 value=64 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = arr ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r6 = r0
    call bpf_get_prandom_u32
    r0 &= 7
    r0 *= 8
    r6 += r0
    r1 = *(u64 *)(r6 + 0)
out:
    r0 = 0
    exit
