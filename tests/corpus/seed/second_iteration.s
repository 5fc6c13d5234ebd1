; T21, the mode detector: the callback returns 2 only when it sees its own
; write from a previous iteration. 6.1 walks the callback once (accepted);
; 6.12 verifies it as if called many times (rejected).
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 2
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r3 = *(u64 *)(r2 + 0)
    if r3 == 0 goto 1f
    r0 = 2
    exit
1:
    r3 = 1
    *(u64 *)(r2 + 0) = r3
    r0 = 0
    exit
