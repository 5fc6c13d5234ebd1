; __sk_buff under cgroup_skb: *(u32 *)(r1 + 12) = r2
.prog_type cgroup_skb
    r2 = 7
    *(u32 *)(r1 + 12) = r2
    r0 = 0
    exit
