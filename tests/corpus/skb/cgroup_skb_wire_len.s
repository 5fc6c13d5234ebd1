; __sk_buff under cgroup_skb: r0 = *(u32 *)(r1 + 160)
.prog_type cgroup_skb
    r2 = 7
    r0 = *(u32 *)(r1 + 160)
    r0 = 0
    exit
