; the value a devmap lookup gives is read-only: writing it is refused
.prog_type xdp
.map m devmap key=4 value=4 entries=4
    r7 = 0
    *(u64 *)(r10 - 8) = r7
    r2 = r10
    r2 += -8
    r1 = m ll
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = *(u32 *)(r0 + 0)
    *(u32 *)(r0 + 0) = r1
1:
    r0 = 2
    exit
