; a task storage map of 1 entry: local storage has none (max_entries 0)
.prog_type tracing tp_btf sched_switch
.map st task_storage key=4 value=16 entries=1 flags=1
    r2 = *(u64 *)(r1 + 8)
    r1 = st ll
    r3 = 0
    r4 = 1
    call bpf_task_storage_get
    r0 = 0
    exit
