; a timer only in a hash, an LRU hash or an array: a per-CPU array with one
; is created again without its BTF, so bpf_timer_init is refused
.prog_type sched_cls
.map m percpu_array key=4 value=16 entries=1 timer=0
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = m ll
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = r0
    r1 += 0
    r2 = m ll
    r3 = 1
    call bpf_timer_init
1:
    r0 = 0
    exit
