.prog_type kprobe
    r1 = r10
    r1 += -16
    r2 = 0
    call bpf_ringbuf_submit_dynptr
    r0 = 0
    exit
