; A callback's address is loaded but never passed to a helper, so the walk
; never enters it. Dead-code removal (opt_remove_dead_code(), root only)
; deletes it; it was laid out last, so the ld_imm64 now points past the
; end, and jit_subprogs() — which runs because subprogram f survives —
; finds no program there: WARN_ONCE and EFAULT, with no message.
    call f
    r2 = cb ll
    r0 = 0
    exit
f:
    r0 = 0
    exit
cb:
    r0 = 0
    exit
