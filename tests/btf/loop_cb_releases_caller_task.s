; the lesson of commit 9d9d00ac with 6.12's kfuncs: the program takes a
; task reference and hands it to a bpf_loop callback, which releases it
; (6.12: not the callback's own reference); 6.1 has no bpf_task_acquire
.prog_type tracing tp_btf sched_switch
    call bpf_get_current_task_btf
    r1 = r0
    call bpf_task_acquire
    if r0 == 0 goto out
    *(u64 *)(r10 - 8) = r0
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = *(u64 *)(r10 - 8)
    call bpf_task_release
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    call bpf_task_release
    r0 = 0
    exit
