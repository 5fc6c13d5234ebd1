; labels as LLVM writes its local ones (.LBB0_1, .Lcb): a name may start
; with a dot; a callback and a loop bound by them
.prog_type kprobe
    r6 = 0
.LBB0_1:
    r6 += 1
    if r6 < 3 goto .LBB0_1
    r1 = 2
    r2 = .Lcb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
.Lcb:
    r0 = 0
    exit
