; The timer argument must point at the struct bpf_timer.
.map tmap array key=4 value=24 entries=1 timer=8
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = tmap ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = r0
    r2 = tmap ll
    r3 = 1
    call bpf_timer_init
1:
    r0 = 0
    exit
