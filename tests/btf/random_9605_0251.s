; veristep random program (btf): seed 9605 index 251
.prog_type tracing tp_btf sched_switch
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 8)
    r7 += 8
    r7 = *(u64 *)(r7 - 9)
    r1 = r6
    r1 += 4
    r0 = *(u64 *)(r1 + 0)
    r1 = r6
    call bpf_get_attach_cookie
    *(u64 *)(r6 + 8) = r7
    call bpf_get_current_task_btf
    r1 = r0
    call bpf_task_acquire
    if r0 == 0 goto out
    r9 = r0
    *(u64 *)(r10 - 8) = r0
    r1 = *(u64 *)(r6 + 0)
    r1 &= 15
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
    r0 = *(u32 *)(r1 + 16)
    r0 = 1
    exit
