; pointer arithmetic on an AF_XDP socket is refused
.prog_type xdp
.map xsks xskmap key=4 value=4 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = xsks ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r0 += 4
out:
    r0 = 2
    exit
