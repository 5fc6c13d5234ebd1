; a bpf_loop callback takes a task reference of its own and leaks it: the
; leak is found at the callback's exit
.prog_type tracing tp_btf sched_switch
    r1 = 4
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r1 = 1
    call bpf_task_from_pid
    r0 = 0
    exit
