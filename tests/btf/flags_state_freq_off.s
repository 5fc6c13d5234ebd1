; the same without BPF_F_TEST_STATE_FREQ
.prog_type socket_filter
    call bpf_get_prandom_u32
    r6 = r0
    r7 = 0
    if r6 > 10 goto a
    r7 = 1
a:
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    if r6 > 20 goto b
    r1 = 1
b:
    r0 = 0
    exit
