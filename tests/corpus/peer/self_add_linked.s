; `r6 += r6` on a constant linked scalar: Linux 6.12.95 takes the sum (2)
; as the added constant and keeps r6 linked to r7 with that delta, so the
; compare of r7 with r9 "learns" r6 = r7 + 2 = 3 and the division by zero
; is dead there; 6.1 unlinks r6 first and reaches it
.prog_type socket_filter
    call bpf_get_prandom_u32
    r6 = r0
    r7 = r6
    call bpf_get_prandom_u32
    r8 = r0
    r9 = r8
    if r7 != 1 goto out
    r6 += r6
    if r7 == r9 goto out
    if r6 == 3 goto out
    r0 /= 0
out:
    r0 = 0
    exit
