; LD_IND in a subprogram: both the hidden exit (R0 = 0) and the normal
; return (R0 = 1) reach a caller that is safe either way
.prog_type socket_filter
    r9 = 7
    call sub
    if r0 == 0 goto out
    r0 = r9
out:
    r0 = 0
    exit
sub:
    r6 = r1
    r7 = 2
    r0 = *(u16 *)skb[r7]
    r0 = 1
    exit
