; LD_ABS in main needs no hidden exit (the program simply ends); in the
; subprogram the returned 0 takes the branch that reads the packet again
.prog_type sched_cls
    r6 = r1
    r0 = *(u32 *)skb[4]
    r1 = r6
    call sub
    if r0 != 0 goto out
    r0 = *(u8 *)skb[1]
out:
    r0 = 0
    exit
sub:
    r6 = r1
    r0 = *(u8 *)skb[0]
    r0 &= 1
    exit
