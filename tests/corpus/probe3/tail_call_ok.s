.map pa prog_array key=4 value=4 entries=4
    r2 = pa ll
    r3 = 1
    call bpf_tail_call
    r0 = 0
    exit
