; w1 = (s16)w2 of 0x8000 is 0xffff8000 (zero-extended to 64 bits)
.prog_type sched_cls
    w2 = 32768
    w1 = (s16)w2
    if r1 == 0xffff8000 goto ok
    r0 = *(u64 *)(r10 - 600)
ok:
    r0 = 0
    exit
