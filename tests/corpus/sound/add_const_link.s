; r0 = r7; r0 += 2; if r0 > 65: 6.11+ keeps r0 linked to r7 with the
; constant (BPF_ADD_CONST), so r7 <= 63 and the stack index is bounded;
; 6.1 unlinks r0 at the add and refuses.
    call bpf_get_prandom_u32
    r7 = r0
    r0 = r7
    r0 += 2
    if r0 > 65 goto 1f
    r1 = r10
    r1 += -128
    r1 += r7
    r2 = *(u8 *)(r1 + 0)
1:  r0 = 0
    exit
