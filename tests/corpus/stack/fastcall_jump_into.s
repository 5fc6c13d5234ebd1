; bpf_fastcall: a jump to a fill splits the pattern; only the pair next to the
; call is removed (8 bytes), and the combined stack is still too large.
    r1 = 1
    r2 = 2
    r3 = 3
    *(u64 *)(r10 - 488) = r1
    *(u64 *)(r10 - 504) = r2
    *(u64 *)(r10 - 512) = r1
    call bpf_get_smp_processor_id
    r1 = *(u64 *)(r10 - 512)
    if r0 > 5 goto +0
    r2 = *(u64 *)(r10 - 504)
    call sub
    r0 = 0
    exit
sub:
    r1 = 0
    *(u64 *)(r10 - 16) = r1
    r0 = 0
    exit
