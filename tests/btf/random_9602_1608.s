; veristep random program (btf): seed 9602 index 1608
.prog_type tracing fentry __sys_bind
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 4096)
    r1 = r6
    r1 += 16
    r0 = *(u64 *)(r1 + 0)
    r1 = r10
    r1 += -8
    r2 = 8
    r3 = r10
    call bpf_probe_read_kernel_str
    r7 = *(u64 *)(r6 + 8)
    r8 = *(u32 *)(r7 + 2)
    r8 = *(u32 *)(r7 + 2)
out:
    r0 = r7
    exit
