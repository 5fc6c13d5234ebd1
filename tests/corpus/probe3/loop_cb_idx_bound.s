; bpf_loop callback uses its index into a map value
.map arr array key=4 value=32 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = arr ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    *(u64 *)(r10 - 16) = r0
    r1 = 4
    r2 = cb ll
    r3 = r10
    r3 += -16
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit
cb:
    r3 = *(u64 *)(r2 + 0)
    if r1 > 3 goto done
    r1 <<= 3
    r3 += r1
    r4 = 1
    *(u64 *)(r3 + 0) = r4
done:
    r0 = 0
    exit
