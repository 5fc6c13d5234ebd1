; a store of an immediate into the context (skb->mark = 42): 6.1 refuses
; any BPF_ST into ctx; 6.3+ checks it as any context write
.prog_type sched_cls
    *(u32 *)(r1 + 8) = 42
    r0 = 0
    exit
