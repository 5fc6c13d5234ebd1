; The same program with flags 1 in sub's bpf_loop: not inlined, sub stays
; 10 instructions long, and cb_b's stale address points into cb_c: 6.12's
; jit_subprogs() finds no function there and refuses the load with EFAULT
; and no message. 6.1 walks every callback and accepts.
.prog_type sched_cls
    *(u64 *)(r10 - 8) = 0
    r1 = 0
    r2 = cb_a ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = 0
    r2 = cb_b ll
    r3 = r10
    r3 += -8
    r4 = 1
    call bpf_loop
    call sub
    r0 = 0
    exit
cb_a:
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    r0 = 0
    exit
cb_b:
    r0 = 1
    exit
sub:
    *(u64 *)(r10 - 8) = 0
    r1 = 1
    r2 = cb_c ll
    r3 = r10
    r3 += -8
    r4 = 1
    call bpf_loop
    r0 = 0
    exit
cb_c:
    r0 = 0
    exit
