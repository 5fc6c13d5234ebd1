; The inner map's value is 8 bytes: a read at 8 is past it.
.prog_type sched_cls
.map in0 array key=4 value=8 entries=4
.map outer hash_of_maps key=4 value=4 entries=2 inner=in0
    *(u32 *)(r10 - 4) = 0
    r1 = outer ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r0
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r0 = *(u64 *)(r0 + 8)
out:
    r0 = 0
    exit
