.prog_type kprobe
.map sm sockmap key=4 value=4 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = sm ll
    r2 = r10
    r2 += -4
    call bpf_map_delete_elem
    r0 = 0
    exit
