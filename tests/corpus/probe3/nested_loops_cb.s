; bpf_loop inside a bpf_loop callback, inner writes caller's stack
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 2
    r2 = outer ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
outer:
    r1 = 2
    r3 = r2
    r2 = inner ll
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
inner:
    r1 = *(u64 *)(r2 + 0)
    r1 += 1
    *(u64 *)(r2 + 0) = r1
    r0 = 0
    exit
