.map pc percpu_array key=4 value=8 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = pc ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = *(u64 *)(r0 + 0)
    r1 += 1
    *(u64 *)(r0 + 0) = r1
out:
    r0 = 0
    exit
