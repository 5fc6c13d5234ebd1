; The callback reads and writes its caller's stack through callback_ctx.
    r1 = 5
    *(u64 *)(r10 - 8) = r1
    r1 = 3
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
