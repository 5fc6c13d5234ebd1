; an integer argument may be read narrower on both kernels
.prog_type tracing fentry tcp_v4_connect
    r0 = *(u32 *)(r1 + 16)
    r0 = 0
    exit
