; Loads and stores may not touch the struct bpf_timer in a map value.
.map tmap array key=4 value=24 entries=1 timer=0
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = tmap ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = *(u64 *)(r0 + 8)
    r1 = *(u64 *)(r0 + 16)
1:
    r0 = 0
    exit
