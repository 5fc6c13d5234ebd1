; bpf_loop with nr_loops = 1 and a second-iteration-only bug: 6.7 stops after one.
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r3 = *(u64 *)(r2 + 0)
    if r3 == 0 goto 1f
    r0 = 2
    exit
1:
    r3 = 1
    *(u64 *)(r2 + 0) = r3
    r0 = 0
    exit
