; Callback iterations in 6.12: a callback's return to bpf_loop that matches
; a stored state still takes that state's liveness and precision (the
; kernel's 'goto hit'), and a state stored in a later iteration
; (callback_depth 2) never covers a branch left over from iteration 1,
; so 6.12 walks the last two branches again (64 insns, 5 states).
; Found by the random tester (seed 1001, program 4125).
.prog_type sched_cls
.map m0 hash key=4 value=24 entries=16
    r6 = r1
    *(u64 *)(r10 - 88) = r1
    *(u64 *)(r10 - 80) = 6
    *(u64 *)(r10 - 72) = 3
    r1 = 5
    r2 = cb1 ll
    r3 = r10
    r3 += -88
    r4 = 0
    call bpf_loop
    r0 = *(u64 *)(r10 - 88)
    r0 = 7
    exit

cb1:
    r3 = 2
    r3 /= -1
    r5 = *(u64 *)(r2 + 8)
    r5 += 1
    *(u64 *)(r2 + 8) = r5
    *(u32 *)(r10 - 72) = 1
    r1 = m0 ll
    r2 = r10
    r2 += -72
    call bpf_map_lookup_elem
    if r0 == 0 goto l1
    if r0 == 0 goto l2
    r1 = -1442724820
    r1 /= 16
    if r1 > -4 goto l3
l3:
l2:
l1:
    r0 = 0
    exit
