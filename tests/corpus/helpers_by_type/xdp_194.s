; bpf_kptr_xchg from xdp: the kptr slot is a map value (6.12: or an allocated object)
.prog_type xdp
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 194
    r0 = 0
    exit
