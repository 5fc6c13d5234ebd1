; A scalar in [-1, 0] masked by a constant: Linux 6.12 forks the path
; (maybe_fork_scalars: -1 goes on, 0 is pushed and re-runs the
; instruction), so each path knows the exact result; 6.1 keeps a range.
.prog_type sched_cls
    call bpf_get_prandom_u32
    r8 = r0
    r8 &= 1
    r8 += -1
    r8 |= 3
    r0 = 0
    exit
