; Main and its bpf_loop callback both use a lot of stack.
    r1 = 0
    *(u64 *)(r10 - 320) = r1
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r1 = 0
    *(u64 *)(r10 - 256) = r1
    r0 = 0
    exit
