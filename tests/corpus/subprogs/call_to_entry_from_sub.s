; the entry calls a subprogram that calls the entry back (recursion):
; libbpf reads .text's relocations first, so it names the subprogram
.prog_type sched_cls
    r1 = 1
    if r1 > 2 goto +1
    call pc-3
    call helper.fn
    r0 = 0
    exit
helper.fn:
    call pc-7
    r0 = 0
    exit
