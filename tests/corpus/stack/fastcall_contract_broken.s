; bpf_fastcall: the same pairs, but a later read of the pattern's slot by another
; instruction breaks the contract; the stack keeps its 512 bytes.
    r1 = 1
    r2 = 2
    *(u64 *)(r10 - 488) = r1
    *(u64 *)(r10 - 504) = r2
    *(u64 *)(r10 - 512) = r1
    call bpf_get_smp_processor_id
    r1 = *(u64 *)(r10 - 512)
    r2 = *(u64 *)(r10 - 504)
    r3 = *(u64 *)(r10 - 512)
    call sub
    r0 = 0
    exit
sub:
    r1 = 0
    *(u64 *)(r10 - 16) = r1
    r0 = 0
    exit
