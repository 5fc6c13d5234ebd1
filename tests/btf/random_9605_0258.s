; veristep random program (btf): seed 9605 index 258
.prog_type tracing fmod_ret bpf_modify_return_test
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 16)
    r1 = -1
    call bpf_task_from_pid
    r9 = r0
    if r9 == 0 goto out
    r1 = r9
    call bpf_task_release
    r8 = *(u64 *)(r6 + 16)
out:
    r0 = 1
    exit
