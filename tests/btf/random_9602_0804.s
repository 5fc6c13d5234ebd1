; veristep random program (btf): seed 9602 index 804
.prog_type tracing tp_btf sched_process_fork
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 16)
    r1 = r6
    call bpf_get_func_ip
    r1 = r10
    r2 = r10
    r2 += -16
    r3 = 16
    call bpf_d_path
out:
    r0 = -4096
    exit
