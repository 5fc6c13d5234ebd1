; a sleepable kprobe (a uprobe, at run time) may copy from user memory
.prog_type kprobe
.prog_flags BPF_F_SLEEPABLE
    r1 = r10
    r1 += -8
    r2 = 8
    r3 = 0
    call bpf_copy_from_user
    r0 = 0
    exit
