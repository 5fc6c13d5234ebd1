; x < y with y a constant in a register.
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r6 = r0
    r8 = 9
    call bpf_get_prandom_u32
    if r0 >= r8 goto 1f
    r6 += r0
    r0 = *(u64 *)(r6 + 0)
1:
    r0 = 0
    exit
