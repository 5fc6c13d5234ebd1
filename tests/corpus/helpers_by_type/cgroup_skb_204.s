; bpf_tcp_raw_gen_syncookie_ipv4 from cgroup_skb: not offered there
.prog_type cgroup_skb
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 204
    r0 = 0
    exit
