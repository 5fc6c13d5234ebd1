; veristep random program (btf): seed 9602 index 1742
.prog_type tracing fmod_ret security_file_open
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r1 = r10
    r1 += -16
    r2 = 16
    r3 = *(u64 *)(r6 + 0)
    call bpf_copy_from_user
    if r7 != 0 goto l1
    r0 = *(u64 *)(r7 + 144)
l1:
    call bpf_get_current_task_btf
    r9 = r0
    r1 = r6
    call bpf_get_func_ip
out:
    r0 = 0
    exit
