.prog_type xdp
    r0 = 7
    exit
