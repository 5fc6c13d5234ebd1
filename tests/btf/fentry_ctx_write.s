; a tracing program may not write its context (bpf_tracing_ctx_access)
.prog_type tracing fentry tcp_v4_connect
    r2 = 0
    *(u64 *)(r1 + 16) = r2
    r0 = 0
    exit
