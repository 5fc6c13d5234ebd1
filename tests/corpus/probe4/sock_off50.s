; bpf_sock: a 2-byte read at offset 50 (after dst_port)
.prog_type sched_cls
    r1 = *(u64 *)(r1 + 168)
    if r1 == 0 goto out
    r0 = *(u16 *)(r1 + 50)
out:
    r0 = 0
    exit
