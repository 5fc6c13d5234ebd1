; an xskmap lookup is an AF_XDP socket once not NULL (PTR_TO_XDP_SOCK): queue_id is read
.prog_type xdp
.map xsks xskmap key=4 value=4 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = xsks ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r0 = *(u32 *)(r0 + 0)
    r0 &= 1
    r0 += 1
    exit
out:
    r0 = 2
    exit
