; Division and modulo by constants.
    call bpf_get_prandom_u32
    r0 /= 3
    r0 %= 7
    w0 /= 2
    exit
