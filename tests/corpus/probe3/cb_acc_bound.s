; the callback adds 1 to a counter in the caller's stack each time; main uses it as an index
.map arr array key=4 value=64 entries=1
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 4
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r6 = *(u64 *)(r10 - 8)
    r1 = 0
    *(u32 *)(r10 - 12) = r1
    r1 = arr ll
    r2 = r10
    r2 += -12
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    if r6 > 7 goto out
    r6 <<= 3
    r0 += r6
    r1 = *(u64 *)(r0 + 0)
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    r1 += 1
    *(u64 *)(r2 + 0) = r1
    r0 = 0
    exit
