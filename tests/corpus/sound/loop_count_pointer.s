; bpf_loop's count is a packet pointer. 6.1 takes any value (ARG_ANYTHING)
; and accepts. 6.12.95 also takes it, then asks for R1's precision:
; __mark_chain_precision() meets a pointer, WARNs "backtracing misuse" and
; fails with EFAULT, printing nothing more than the call itself.
.prog_type sched_cls
    r1 = *(u32 *)(r1 + 76)
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit

cb:
    r0 = 0
    exit
