; veristep random program (btf): seed 9602 index 268
.prog_type tracing fexit vfs_read
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 96)
    *(u8 *)(r6 + 32) = 0
    r8 = *(u8 *)(r6 + 8)
    r1 = r10
    r1 += -32
    r2 = 0
    r3 = *(u64 *)(r6 + 0)
    call bpf_copy_from_user
    r7 = *(u64 *)(r6 + 0)
    r1 = r10
    r1 += -16
    r2 = 16
    r3 = r7
    call bpf_probe_read_kernel
out:
    r0 = 0
    exit
