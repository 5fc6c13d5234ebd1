; veristep random program (btf): seed 9602 index 1541
.prog_type tracing fentry __x64_sys_nanosleep
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u32 *)(r6 + 0)
    r1 = r10
    call bpf_task_pt_regs
    r8 = r0
out:
    r0 = 0
    exit
