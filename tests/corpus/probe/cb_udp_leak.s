; The callback looks up a UDP socket through the ctx-passed skb and leaks it.
    *(u64 *)(r10 - 8) = r1
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    r2 = r10
    r2 += -48
    r3 = 36
    r4 = 0
    r5 = 0
    call bpf_sk_lookup_udp
    r0 = 0
    exit
