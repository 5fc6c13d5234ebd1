; veristep random program (btf): seed 9607 index 138
.prog_type tracing fentry do_unlinkat sleepable
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 8)
    r7 = *(u32 *)(r6 + 8)
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
out:
    r0 = 0
    exit
cb:
    r1 = 1
    call bpf_task_from_pid
    if r0 == 0 goto cb_out
    r1 = r0
    call bpf_task_release
cb_out:
    r0 = 0
    exit
