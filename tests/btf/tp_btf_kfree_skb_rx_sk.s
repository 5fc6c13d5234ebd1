; 6.12.95: kfree_skb's fourth argument (rx_sk) is in raw_tp_null_args: it
; may be NULL, so reading through it unchecked is refused; 6.1's
; tracepoint has three arguments
.prog_type tracing tp_btf kfree_skb
    r1 = *(u64 *)(r1 + 24)
    r0 = *(u32 *)(r1 + 0)
    r0 = 0
    exit
