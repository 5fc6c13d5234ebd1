; bpf_sock: a 1-byte read of dst_port
.prog_type sched_cls
    r1 = *(u64 *)(r1 + 168)
    if r1 == 0 goto out
    r0 = *(u8 *)(r1 + 49)
out:
    r0 = 0
    exit
