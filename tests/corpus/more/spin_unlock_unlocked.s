; Unlocking without holding the lock.
.map lm hash key=4 value=16 entries=4 lock=0
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = lm ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r6 = r0
    r1 = r6
    call bpf_spin_unlock
1:
    r0 = 0
    exit
