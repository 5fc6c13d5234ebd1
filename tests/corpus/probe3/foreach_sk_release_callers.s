; for_each_map_elem callback releases the caller's socket via ctx
.prog_type sched_cls
.map arr array key=4 value=8 entries=4
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
    *(u64 *)(r10 - 48) = r0
    r1 = arr ll
    r2 = cb ll
    r3 = r10
    r3 += -48
    r4 = 0
    call bpf_for_each_map_elem
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r4 + 0)
    call bpf_sk_release
    r0 = 0
    exit
