; a kprobe program using a map with a bpf_timer
.prog_type kprobe
.map m array key=4 value=16 entries=4 timer=0
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r0 = 0
    exit
