; cgroup_skb programs read packet data directly but may not write it.
.prog_type cgroup_skb
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r4 = r2
    r4 += 4
    if r4 > r3 goto out
    r5 = 1
    *(u32 *)(r2 + 0) = r5
out:
    r0 = 1
    exit
