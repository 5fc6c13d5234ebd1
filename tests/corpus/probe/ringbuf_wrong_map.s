; bpf_ringbuf_reserve on an array map.
.map m array key=4 value=8 entries=1
    r1 = m ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    r0 = 0
    exit
