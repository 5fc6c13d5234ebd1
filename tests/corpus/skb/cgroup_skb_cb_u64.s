; __sk_buff under cgroup_skb: r0 = *(u64 *)(r1 + 56)
.prog_type cgroup_skb
    r2 = 7
    r0 = *(u64 *)(r1 + 56)
    r0 = 0
    exit
