; Timer init, set_callback, start, cancel.
.map tmap array key=4 value=16 entries=1 timer=0
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = tmap ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r6 = r0
    r1 = r0
    r2 = tmap ll
    r3 = 1
    call bpf_timer_init
    r1 = r6
    r2 = tcb ll
    call bpf_timer_set_callback
    r1 = r6
    r2 = 1000
    r3 = 0
    call bpf_timer_start
    r1 = r6
    call bpf_timer_cancel
out:
    r0 = 0
    exit
tcb:
    r0 = 0
    exit
