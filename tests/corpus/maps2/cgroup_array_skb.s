; tc: bpf_skb_under_cgroup with a cgroup array
.prog_type sched_cls
.map cg cgroup_array key=4 value=4 entries=1
    r2 = cg ll
    r3 = 0
    call bpf_skb_under_cgroup
    r0 = 0
    exit
