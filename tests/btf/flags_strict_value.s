; strict alignment: an 8-byte read at offset 4 of a map value
.map m hash key=4 value=16 entries=1
.prog_flags BPF_F_STRICT_ALIGNMENT
    *(u32 *)(r10 - 4) = 0
    r2 = r10
    r2 += -4
    r1 = m ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = *(u64 *)(r0 + 4)
out:
    r0 = 0
    exit
