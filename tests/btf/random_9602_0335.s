; veristep random program (btf): seed 9602 index 335
.prog_type tracing tp_btf sched_process_fork
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 - 8)
    r1 = r10
    r1 += -32
    r2 = 32
    call bpf_get_current_comm
out:
    r0 = 0
    exit
