; signal_generate's info may encode an error, and later 6.12 releases read
; it as a scalar (raw_tp_null_args); 6.12.95, as 6.1, gives a kernel
; pointer, read through with probe memory
.prog_type tracing tp_btf signal_generate
    r1 = *(u64 *)(r1 + 8)
    r0 = *(u32 *)(r1 + 0)
    r0 = 0
    exit
