.prog_type kprobe
.map m hash key=4 value=4 entries=4
    r2 = m ll
    r3 = 0
    call bpf_tail_call
    r0 = 0
    exit
