; veristep random program (btf): seed 9607 index 80
.prog_type tracing tp_btf kfree_skb
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r1 = r10
    r1 += -32
    r2 = 0
    r3 = r7
    call bpf_probe_read_kernel
    *(u64 *)(r10 - 8) = r7
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = r7
    exit
cb:
    r1 = 1
    call bpf_task_from_pid
    if r0 == 0 goto cb_out
    r1 = r0
    call bpf_task_release
cb_out:
    r0 = 0
    exit
