; a syscall program is sleepable (libbpf sets BPF_F_SLEEPABLE): 6.1 lets
; sleepable programs use no queue map, 6.12 does
.prog_type syscall
.map q queue key=0 value=8 entries=4
    r1 = q ll
    r2 = r10
    r2 += -8
    r3 = 0
    *(u64 *)(r10 - 8) = r3
    call bpf_map_push_elem
    r0 = 0
    exit
