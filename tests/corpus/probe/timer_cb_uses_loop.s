; A timer callback runs bpf_loop; the loop callback acquires and releases.
.map rb ringbuf entries=4096
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
out:
    r0 = 0
    exit
tcb:
    r1 = 2
    r2 = lcb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
lcb:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r1 = r0
    r2 = 0
    call bpf_ringbuf_discard
1:
    r0 = 0
    exit
