; As cb_address_unused_last.s, but no subprogram besides main survives
; the removal, so jit_subprogs() has nothing to split and checks nothing:
; accepted.
    r2 = cb ll
    r0 = 0
    exit
cb:
    r0 = 0
    exit
