; a task storage map with BPF_F_NO_PREALLOC, reached through a task pointer
; argument; its value used after the NULL check
.prog_type tracing tp_btf sched_switch
.map st task_storage key=4 value=16 entries=0 flags=1
    r2 = *(u64 *)(r1 + 8)
    r1 = st ll
    r3 = 0
    r4 = 1
    call bpf_task_storage_get
    if r0 == 0 goto out
    *(u64 *)(r0 + 8) = 1
out:
    r0 = 0
    exit
