; 6.12's btf_ctx_access(): a pointer argument is read whole ("size 4 must
; be 8"); 6.1 lets a narrower load give a scalar
.prog_type tracing fentry tcp_v4_connect
    r0 = *(u32 *)(r1 + 0)
    r0 = 0
    exit
