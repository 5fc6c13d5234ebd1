.prog_type xdp
    r1 = 0
    call bpf_sk_release
    r0 = 0
    exit
