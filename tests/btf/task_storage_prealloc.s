; a task storage map must be created with BPF_F_NO_PREALLOC
; (bpf_local_storage_map_alloc_check): without it the kernel refuses the map
.prog_type tracing tp_btf sched_switch
.map st task_storage key=4 value=16 entries=0 flags=0
    r2 = *(u64 *)(r1 + 8)
    r1 = st ll
    r3 = 0
    r4 = 1
    call bpf_task_storage_get
    r0 = 0
    exit
