; 6.12.95's reg_not_null() has no AF_XDP socket: `xsk != 0` after the
; NULL check is not decided, and the read of r9 is reached
.prog_type xdp
.map xsks xskmap key=4 value=4 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = xsks ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    if r0 != 0 goto 1f
    r0 = r9
1:
    r0 = 2
    exit
