; A timer callback reads through its R1, the map (CONST_PTR_TO_MAP):
; bpf_array's bytes 152..159 are a kernel BTF read the kernel allows, and
; the read of the value's timer through R3 is refused. veristep must bring
; the kernel's BTF for a callback's map argument as for a loaded map.
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
    r0 = *(u64 *)(r1 + 152)
    r0 = *(u64 *)(r3 + 8)
    r0 = 0
    exit
