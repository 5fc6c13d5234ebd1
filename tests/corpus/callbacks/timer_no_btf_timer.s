; bpf_timer_init on a map value without a struct bpf_timer.
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = r0
    r2 = m ll
    r3 = 1
    call bpf_timer_init
1:
    r0 = 0
    exit
