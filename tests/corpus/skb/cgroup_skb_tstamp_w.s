; __sk_buff under cgroup_skb: *(u64 *)(r1 + 152) = r2
.prog_type cgroup_skb
    r2 = 7
    *(u64 *)(r1 + 152) = r2
    r0 = 0
    exit
