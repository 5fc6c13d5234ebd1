; 6.12 keeps a reached may_goto's counter in 8 bytes below its function's
; frame (do_misc_fixups()): the main function 8+8, the subprogram 0+8
; (6.1 does not know the opcode)
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    call sub
    r6 = 0
l0:
    may_goto out
    r6 += 1
    goto l0
out:
    r0 = 0
    exit
sub:
    r1 = 0
l1:
    may_goto done
    r1 += 1
    goto l1
done:
    r0 = 0
    exit
