; After bpf_tail_call the packet may have changed (the program tailed into
; may pull or push data): 6.12.y forgets packet pointers there (a backport
; of 6.13's "tail calls invalidate packet pointers"), so r9 %= 16 works on
; a scalar; 6.1 keeps r9 a packet pointer and refuses the arithmetic.
.prog_type sched_cls
.map pa prog_array key=4 value=4 entries=4
    r6 = r1
    r9 = *(u32 *)(r6 + 76)
    r1 = r6
    r2 = pa ll
    r3 = 0
    call bpf_tail_call
    r9 %= 16
    r0 = 0
    exit
