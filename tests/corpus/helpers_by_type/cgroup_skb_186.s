; bpf_get_retval from cgroup_skb: cgroup_common_func_proto keeps it from BPF_CGROUP_INET_INGRESS
.prog_type cgroup_skb
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 186
    r0 = 0
    exit
