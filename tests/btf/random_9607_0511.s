; veristep random program (btf): seed 9607 index 511
.prog_type tracing fentry security_task_alloc
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r7 += 8
    r9 = *(u32 *)(r7 + 5088)
    r9 = *(u16 *)(r7 + 1322)
    if r7 != 0 goto l1
    r0 = *(u64 *)(r7 + 5120)
l1:
    *(u64 *)(r7 + 0) = r6
    *(u64 *)(r10 - 8) = r0
    r1 = 8
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    call bpf_task_release
    r0 = 0
    exit
