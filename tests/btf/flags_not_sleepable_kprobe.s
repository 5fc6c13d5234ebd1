; without BPF_F_SLEEPABLE a kprobe may not sleep
.prog_type kprobe
    r1 = r10
    r1 += -8
    r2 = 8
    r3 = 0
    call bpf_copy_from_user
    r0 = 0
    exit
