; xdp: bpf_redirect_map into a devmap
.prog_type xdp
.map dm devmap key=4 value=4 entries=8
    r1 = dm ll
    r2 = 0
    r3 = 0
    call bpf_redirect_map
    exit
