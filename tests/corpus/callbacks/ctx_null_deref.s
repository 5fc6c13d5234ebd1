; callback_ctx is NULL (r3 = 0): the callback dereferences it.
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = *(u64 *)(r2 + 0)
    r0 = 0
    exit
