; __sk_buff under cgroup_skb: r0 = *(u16 *)(r1 + 100)
.prog_type cgroup_skb
    r2 = 7
    r0 = *(u16 *)(r1 + 100)
    r0 = 0
    exit
