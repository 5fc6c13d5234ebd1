; bpf_skb_output from syscall: tracing_prog_func_proto's version takes a BTF sk_buff
.prog_type syscall
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 111
    r0 = 0
    exit
