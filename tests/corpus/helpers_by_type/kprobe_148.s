; bpf_copy_from_user from kprobe: might_sleep, and a kprobe is not sleepable
.prog_type kprobe
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 148
    r0 = 0
    exit
