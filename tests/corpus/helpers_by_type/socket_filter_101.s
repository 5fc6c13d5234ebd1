; bpf_sysctl_get_name from socket_filter: a cgroup_sysctl helper no modelled type offers (6.12 words it differently)
.prog_type socket_filter
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 101
    r0 = 0
    exit
