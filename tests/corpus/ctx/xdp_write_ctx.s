; xdp_md fields are read only.
.prog_type xdp
    r2 = 0
    *(u32 *)(r1 + 12) = r2
    r0 = 2
    exit
