; bpf_ringbuf_submit_dynptr from cgroup_skb: a dynptr is a stack slot or a dynptr pointer
.prog_type cgroup_skb
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 199
    r0 = 0
    exit
