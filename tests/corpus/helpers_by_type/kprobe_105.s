; bpf_strtol from kprobe: a bpf_base_func_proto helper; its read-only buffer is checked first (6.12 lists ringbuf_mem and trusted_ptr_)
.prog_type kprobe
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 105
    r0 = 0
    exit
