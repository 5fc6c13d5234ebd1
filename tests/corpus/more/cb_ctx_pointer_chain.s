; The callback stores a scalar through ctx; main then uses it as an index bounded by the callback.
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = 0
    *(u32 *)(r10 - 12) = r1
    r1 = m ll
    r2 = r10
    r2 += -12
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = *(u64 *)(r10 - 8)
    r0 += r1
    r0 = *(u64 *)(r0 + 0)
1:
    r0 = 0
    exit
cb:
    r3 = 8
    *(u64 *)(r2 + 0) = r3
    r0 = 0
    exit
