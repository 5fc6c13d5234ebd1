; veristep random program (btf): seed 9602 index 1876
.prog_type tracing fexit vfs_read
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 48)
    r1 = r10
    call bpf_task_pt_regs
    r8 = r0
    r8 = *(u8 *)(r8 + 164)
    r9 = *(u64 *)(r0 + 64)
out:
    r0 = -4095
    exit
