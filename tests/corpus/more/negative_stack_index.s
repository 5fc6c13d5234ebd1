; A stack pointer moved by an unknown amount.
    call bpf_get_prandom_u32
    r1 = r10
    r1 += r0
    r2 = 0
    *(u64 *)(r1 - 8) = r2
    r0 = 0
    exit
