; As cb_address_unused_middle.s, but the code just before the dead
; callback is dead too (f's branch is never taken): dead-code removal
; takes the whole run at once, and the callback's address, which pointed
; inside the run, keeps its offset. It now points into g, where no
; program starts, and jit_subprogs() refuses the load with EFAULT.
    call f
    r2 = cb ll
    call g
    r0 = 0
    exit
f:
    r1 = 0
    if r1 != 0 goto f_dead
    r0 = 0
    exit
f_dead:
    r0 = 1
    exit
cb:
    r0 = 0
    exit
g:
    r0 = 0
    r0 = 0
    r0 = 0
    exit
