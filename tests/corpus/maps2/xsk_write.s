; an AF_XDP socket is never written: "cannot write into xdp_sock"
; its queue_id may be read
.prog_type xdp
.map xsks xskmap key=4 value=4 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = xsks ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = 5
    *(u32 *)(r0 + 0) = r1
    r0 = 0
    r0 &= 1
    r0 += 1
    exit
out:
    r0 = 2
    exit
