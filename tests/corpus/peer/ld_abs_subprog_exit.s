; LD_ABS in a subprogram may end the program (the JIT's hidden exit with
; R0 = 0): the walk returns 0 to the caller there, where R9 was never
; written, and pushes the path after the load
.prog_type socket_filter
    call sub
    if r0 != 0 goto out
    r0 = r9
out:
    r0 = 0
    exit
sub:
    r6 = r1
    r0 = *(u8 *)skb[0]
    r0 = 1
    exit
