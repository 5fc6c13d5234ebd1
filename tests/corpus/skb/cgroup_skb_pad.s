; __sk_buff under cgroup_skb: r0 = *(u8 *)(r1 + 181)
.prog_type cgroup_skb
    r2 = 7
    r0 = *(u8 *)(r1 + 181)
    r0 = 0
    exit
