; __sk_buff under cgroup_skb: r0 = *(u64 *)(r1 + 144)
.prog_type cgroup_skb
    r2 = 7
    r0 = *(u64 *)(r1 + 144)
    r0 = 0
    exit
