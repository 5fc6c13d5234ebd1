; veristep random program (btf): seed 9602 index 1675
.prog_type tracing tp_btf sched_process_fork
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 - 8)
    r1 = r6
    r1 += 8
    r0 = *(u64 *)(r1 + 0)
    r1 = r6
    call bpf_get_func_arg_cnt
    r8 = *(u64 *)(r6 + 16)
out:
    r0 = 0
    exit
