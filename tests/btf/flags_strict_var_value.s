; strict alignment with a variable offset: a multiple of 4 plus 0 is not
; known to be 8-aligned
.map m array key=4 value=64 entries=1
.prog_flags BPF_F_STRICT_ALIGNMENT
    *(u32 *)(r10 - 4) = 0
    r2 = r10
    r2 += -4
    r1 = m ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = *(u32 *)(r0 + 0)
    r1 &= 12
    r0 += r1
    r1 = *(u32 *)(r0 + 0)
    r1 = *(u64 *)(r0 + 0)
out:
    r0 = 0
    exit
