; a map pointer loaded on one branch and read through after the paths
; join: the kernel reads `struct bpf_map` through its BTF (a map's `ops`
; is a pointer it does not let programs read bytes of)
.prog_type socket_filter
.map m hash key=8 value=16 entries=1
    r0 = *(u32 *)(r1 + 0)
    r1 = 0
    if r0 == 1 goto l1
    r1 = m ll
    goto l2
l1:
    r1 = r10
    r1 += -8
    *(u64 *)(r10 - 8) = 0
l2:
    r0 = *(u8 *)(r1 + 0)
    r0 = 1
    exit
