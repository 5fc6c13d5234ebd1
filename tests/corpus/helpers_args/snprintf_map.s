.prog_type kprobe
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r10
    r1 += -16
    r2 = 16
    r3 = r0
    r4 = 0
    r5 = 0
    call bpf_snprintf
out:
    r0 = 0
    exit
