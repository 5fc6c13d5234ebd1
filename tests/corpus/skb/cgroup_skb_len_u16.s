; __sk_buff under cgroup_skb: r0 = *(u16 *)(r1 + 2)
.prog_type cgroup_skb
    r2 = 7
    r0 = *(u16 *)(r1 + 2)
    r0 = 0
    exit
