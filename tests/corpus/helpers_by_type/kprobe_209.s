; bpf_user_ringbuf_drain from kprobe: a bpf_capable() base helper; the map comes first
.prog_type kprobe
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 209
    r0 = 0
    exit
