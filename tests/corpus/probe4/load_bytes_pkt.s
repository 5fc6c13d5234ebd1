; bpf_skb_load_bytes into the packet itself
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r4 = r2
    r4 += 8
    if r4 > r3 goto out
    r3 = r2
    r2 = 0
    r4 = 8
    call bpf_skb_load_bytes
out:
    r0 = 0
    exit
