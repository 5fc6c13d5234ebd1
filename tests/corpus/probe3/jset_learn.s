; JSET on an unknown value
    call bpf_get_prandom_u32
    if r0 & 0x10 goto set
    r0 = 0
    exit
set:
    r0 &= 0x10
    if r0 == 0 goto bad
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r10 - 24)
    exit
