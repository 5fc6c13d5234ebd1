; A conditional jump back over a call: the second time round, the state at
; the jump's target equals the one seen before, an infinite loop. At log level
; 1 the kernel prints the message on the jump's own line (the jump is printed
; without its state, then is_state_visited() speaks), so the last line before
; `processed` is `4: (15) if r0 == 0x0 goto pc-3 infinite loop detected at insn 2`.
; oracle-log-level: 1
.prog_type sched_cls

    r6 = r1
    r0 = 0
again:
    r1 = r6
    call sub
    if r0 == 0 goto again
    exit
sub:
    r0 = *(u32 *)(r1 + 0)
    exit
