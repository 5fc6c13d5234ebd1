; bpf_override_return from kprobe: Debian builds without CONFIG_BPF_KPROBE_OVERRIDE
.prog_type kprobe
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 58
    r0 = 0
    exit
