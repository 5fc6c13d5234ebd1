; A tail call with no references held.
.map progs prog_array key=4 value=4 entries=4
    r2 = progs ll
    r3 = 1
    call bpf_tail_call
    r0 = 0
    exit
