; veristep random program (btf): seed 9602 index 1072
.prog_type tracing fentry security_task_alloc
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    call bpf_get_current_task
    r7 = *(u32 *)(r7 + 5096)
    r9 = *(u64 *)(r6 + 0)
    r7 = *(u64 *)(r9 + 3320)
    *(u8 *)(r7 + 2) = r6
out:
    r0 = r7
    exit
