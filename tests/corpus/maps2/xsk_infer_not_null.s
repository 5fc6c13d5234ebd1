; two lookups of one xskmap slot; the first checked against NULL is an
; AF_XDP socket, the second still maybe NULL. 6.12's jne/jeq inference
; (reg_not_null() counts PTR_TO_XDP_SOCK) makes the second one non-NULL
; where they are equal; 6.1 has no such inference
.prog_type xdp
.map xsks xskmap key=4 value=4 entries=4
    r1 = 0
    *(u32 *)(r10 - 8) = r1
    r9 = r10
    r9 += -8
    r8 = xsks ll
    r1 = r8
    r2 = r9
    call bpf_map_lookup_elem
    r6 = r0
    r1 = r8
    r2 = r9
    call bpf_map_lookup_elem
    r7 = r0
    if r6 == 0 goto out
    if r6 != r7 goto out
    r0 = *(u32 *)(r7 + 0)
out:
    r0 = 0
    exit
