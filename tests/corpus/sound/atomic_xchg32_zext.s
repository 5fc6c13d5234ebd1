; A 4-byte atomic exchange fetches a zero-extended value: R0 is in
; [0, 0xffffffff], not any 64-bit value, and the kernels say so when it
; is returned from a callback that must return 0 or 1.
.prog_type sched_cls
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    call bpf_get_prandom_u32
    *(u64 *)(r10 - 8) = r0
    w1 = 0
    w1 = xchg32_32(r10 - 8, w1)
    r0 = r1
    exit
