; The same map on both paths to one bpf_for_each_map_elem call site: the
; call site's map_ptr_state stays that map, and both kernels accept.
.prog_type socket_filter
.map a array key=4 value=8 entries=4
    call bpf_get_prandom_u32
    if r0 == 0 goto other
    r1 = a ll
    goto walk
other:
    r1 = a ll
walk:
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r0 = 0
    exit
