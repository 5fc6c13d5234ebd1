; syscall programs are sleepable; 6.1's check_map_prog_compatibility()
; keeps sleepable programs away from maps holding a bpf_spin_lock
; ("sleepable progs cannot use bpf_spin_lock yet"), 6.12 lets them
.prog_type syscall
.map m0 array key=4 value=16 entries=4 lock=0
    *(u32 *)(r10 - 4) = 0
    r1 = m0 ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r6 = r0
    r1 = r6
    call bpf_spin_lock
    *(u32 *)(r6 + 8) = 1
    r1 = r6
    call bpf_spin_unlock
out:
    r0 = 0
    exit
