.prog_type kprobe
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r0
    r2 = 8
    r3 = 0
    r4 = r10
    r4 += -8
    call bpf_dynptr_from_mem
out:
    r0 = 0
    exit
