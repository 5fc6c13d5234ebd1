; bpf_sk_lookup_tcp from cgroup_skb: cg_skb_func_proto offers the socket lookups; the context is checked first
.prog_type cgroup_skb
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 84
    r0 = 0
    exit
