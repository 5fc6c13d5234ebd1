; veristep random program (btf): seed 9605 index 250
.prog_type tracing fexit tcp_v4_connect sleepable
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 8)
    r1 = r7
    call bpf_task_acquire
    r8 = r0
    r1 = r8
    call bpf_task_release
    if r7 == 0 goto l1
    r0 = *(u16 *)(r7 + 0)
l1:
    call bpf_get_current_task_btf
    r1 = r0
    call bpf_task_acquire
    if r0 == 0 goto out
    r9 = r0
    *(u64 *)(r10 - 8) = r0
    r1 = 8
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = r9
    call bpf_task_release
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    call bpf_task_release
    r0 = 2
    exit
