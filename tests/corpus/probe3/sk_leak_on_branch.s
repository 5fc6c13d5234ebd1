.prog_type sched_cls
    r6 = r1
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    *(u64 *)(r10 - 16) = r1
    *(u64 *)(r10 - 24) = r1
    *(u64 *)(r10 - 32) = r1
    *(u64 *)(r10 - 40) = r1
    r1 = r6
    r2 = r10
    r2 += -40
    r3 = 12
    r4 = -1
    r5 = 0
    call bpf_sk_lookup_tcp
    if r0 == 0 goto out
    r7 = r0
    r1 = *(u32 *)(r6 + 0)
    if r1 > 100 goto out
    r1 = r7
    call bpf_sk_release
out:
    r0 = 0
    exit
