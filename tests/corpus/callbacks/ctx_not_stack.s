; callback_ctx must be a stack pointer or NULL; a map value is refused.
.map m array key=4 value=8 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r3 = r0
    r1 = 1
    r2 = cb ll
    r4 = 0
    call bpf_loop
1:
    r0 = 0
    exit
cb:
    r0 = 0
    exit
