; The same dead callback referenced from main alone: once it is removed
; only main is left and jit_subprogs() checks nothing: accepted.
    r1 = 0
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 0
    exit
