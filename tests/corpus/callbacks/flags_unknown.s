; bpf_loop with flags from a helper: not inlinable, still verified.
    call bpf_get_prandom_u32
    r4 = r0
    r1 = 2
    r2 = cb ll
    r3 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 0
    exit
