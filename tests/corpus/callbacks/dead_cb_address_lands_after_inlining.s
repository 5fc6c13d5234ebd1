; 6.12 walks no callback of a bpf_loop of 0 iterations: cb_a and cb_b are
; dead, removed after the walk as one run, and the address of cb_b (28
; instructions into the run) is left pointing 28 instructions past where
; the run was. sub's bpf_loop (flags 0, one callback) was inlined first
; (optimize_bpf_loop(): 1 call became 19 instructions), so sub is now 28
; instructions long and that address is cb_c's start: jit_subprogs()
; finds a function there and 6.12 accepts. 6.1 walks every callback.
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
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb_c:
    r0 = 0
    exit
