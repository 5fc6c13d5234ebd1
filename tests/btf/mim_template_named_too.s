; The program names the inner map template itself, and also finds an
; inner map through the outer map: they are two maps to the kernel (the
; outer map holds a copy of the template), so one bpf_for_each_map_elem
; call site reached with both is poisoned in 6.1.
.prog_type sched_cls
.map in0 array key=4 value=8 entries=4
.map outer array_of_maps key=4 value=4 entries=1 inner=in0
    r6 = *(u32 *)(r1 + 0)
    *(u32 *)(r10 - 4) = 0
    r1 = in0 ll
    if r6 == 0 goto l1
    r1 = outer ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r0
l1:
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
out:
    r0 = 0
    exit
cb:
    r0 = 0
    exit
