; diamonds around a subprogram call: states pruned after the call
    call bpf_get_prandom_u32
    r6 = r0
    r7 = 0
    if r6 & 1 goto a
    r7 = 1
a:
    r1 = r7
    call sub
    if r6 & 2 goto b
    r7 += 2
b:
    r0 = r7
    r0 &= 1
    exit
sub:
    r0 = r1
    r0 += 1
    exit
