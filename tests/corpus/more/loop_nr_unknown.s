; bpf_loop with an unknown iteration count; the callback bumps a counter in ctx.
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    call bpf_get_prandom_u32
    r1 = r0
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = *(u64 *)(r10 - 8)
    exit
cb:
    r3 = *(u64 *)(r2 + 0)
    r3 += 1
    *(u64 *)(r2 + 0) = r3
    r0 = 0
    exit
