; three independent branches on a random value
    call bpf_get_prandom_u32
    r6 = r0
    r7 = 0
    if r6 > 10 goto a
    r7 += 1
a:
    if r6 > 20 goto b
    r7 += 2
b:
    if r6 > 30 goto c
    r7 += 4
c:
    r0 = r7
    exit
