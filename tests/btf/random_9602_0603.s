; veristep random program (btf): seed 9602 index 603
.prog_type tracing tp_btf sched_process_fork
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 8)
    r9 = *(u64 *)(r6 + 0)
    r8 = *(u8 *)(r7 + 7874)
    r1 = r10
    r1 += -32
    r2 = 0
    r3 = r9
    call bpf_probe_read_kernel
    r1 = *(u64 *)(r6 + 0)
    r1 &= 7
    r7 += r1
    r8 = *(u64 *)(r9 + 2432)
out:
    r0 = 0
    exit
