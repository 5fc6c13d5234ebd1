; an AF_XDP socket spilled to the stack and filled stays one (is_spillable_regtype)
.prog_type xdp
.map xsks xskmap key=4 value=4 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = xsks ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    *(u64 *)(r10 - 16) = r0
    r6 = *(u64 *)(r10 - 16)
    r0 = *(u32 *)(r6 + 0)
    if r0 != 7 goto out
    r0 = 1
    exit
out:
    r0 = 2
    exit
