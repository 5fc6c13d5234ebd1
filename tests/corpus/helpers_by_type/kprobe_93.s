; bpf_spin_lock from kprobe: 6.12 also takes a lock in an allocated object (map_value, ptr_)
.prog_type kprobe
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 93
    r0 = 0
    exit
