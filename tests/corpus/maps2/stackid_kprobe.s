; kprobe: bpf_get_stackid into a stack trace map
.prog_type kprobe
.map st stack_trace key=4 value=64 entries=16
    r2 = st ll
    r3 = 0
    call bpf_get_stackid
    r0 = 0
    exit
