; Two maps of maps share one inner template. The kernel gives each outer
; map its own inner map meta (bpf_map_meta_alloc()), so the inner maps
; found through them are two maps to record_func_map(): one
; bpf_for_each_map_elem call site reached with both.
.prog_type sched_cls
.map in0 array key=4 value=8 entries=4
.map o1 array_of_maps key=4 value=4 entries=1 inner=in0
.map o2 array_of_maps key=4 value=4 entries=1 inner=in0
    r6 = *(u32 *)(r1 + 0)
    *(u32 *)(r10 - 4) = 0
    r1 = o1 ll
    if r6 == 0 goto l1
    r1 = o2 ll
l1:
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r0
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
