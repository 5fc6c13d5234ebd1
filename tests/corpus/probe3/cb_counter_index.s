; the callback increments a counter in the caller's stack and indexes with it
.map arr array key=4 value=16 entries=1
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 2
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r6 = r2
    r1 = *(u64 *)(r6 + 0)
    r1 += 1
    *(u64 *)(r6 + 0) = r1
    r7 = r1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = arr ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto done
    if r7 > 1 goto done
    r7 <<= 3
    r0 += r7
    r1 = *(u64 *)(r0 + 0)
done:
    r0 = 0
    exit
