; bpf_trace_printk from a kprobe with a format string on the stack.
.prog_type kprobe
    r1 = 0x0a6968
    *(u64 *)(r10 - 8) = r1
    r1 = r10
    r1 += -8
    r2 = 8
    call bpf_trace_printk
    r0 = 0
    exit
