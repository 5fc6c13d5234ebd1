; Returning a pointer from a sched_cls program (privileged: allowed).
.prog_type sched_cls
    r0 = r1
    exit
