; As cb_address_unused_last.s, but the dead callback is followed by a live
; subprogram: after the removal the ld_imm64 points at g's first
; instruction, which starts a program, and the load succeeds.
    r2 = cb ll
    call g
    r0 = 0
    exit
cb:
    r0 = 0
    exit
g:
    r0 = 0
    exit
