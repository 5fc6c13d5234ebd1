; skb_load_bytes... bpf_csum_diff from the packet past what was checked
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r4 = r2
    r4 += 8
    if r4 > r3 goto out
    r1 = r2
    r2 = 16
    r3 = 0
    r4 = 0
    r5 = 0
    call bpf_csum_diff
out:
    r0 = 0
    exit
