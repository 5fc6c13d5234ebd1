; The callback looks up a socket and releases it: accepted.
.prog_type sched_cls
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
    r1 = *(u64 *)(r2 + 0)
    r2 = 0
    *(u64 *)(r10 - 48) = r2
    *(u64 *)(r10 - 40) = r2
    *(u64 *)(r10 - 32) = r2
    *(u64 *)(r10 - 24) = r2
    *(u64 *)(r10 - 16) = r2
    r2 = r10
    r2 += -48
    r3 = 36
    r4 = 0
    r5 = 0
    call bpf_sk_lookup_tcp
    if r0 == 0 goto 1f
    r1 = r0
    call bpf_sk_release
1:
    r0 = 0
    exit
