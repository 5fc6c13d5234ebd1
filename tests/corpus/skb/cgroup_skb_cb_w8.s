; __sk_buff under cgroup_skb: *(u8 *)(r1 + 49) = r2
.prog_type cgroup_skb
    r2 = 7
    *(u8 *)(r1 + 49) = r2
    r0 = 0
    exit
