; A callback that is never walked (bpf_loop with a count of 0), laid out
; last: 6.12 removes it as dead code and jit_subprogs() then finds no
; subprogram where cb1's reference points: EFAULT after the walk, no message.
; 6.1 walks every callback once and accepts.
    r1 = 13
    r2 = cb1 ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb1:
    r1 = 0
    r2 = cb2 ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb2:
    r0 = 0
    exit
