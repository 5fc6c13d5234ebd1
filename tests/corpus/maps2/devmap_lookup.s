; xdp: looking up a devmap entry (its value is the ifindex)
.prog_type xdp
.map dm devmap key=4 value=4 entries=8
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = dm ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r0 = *(u32 *)(r0 + 0)
out:
    r0 = 2
    exit
