; bpf_fastcall (6.11+): two spill/fill pairs around bpf_get_smp_processor_id at the
; lowest stack slots; 6.12 removes them with their 16 bytes, so the combined stack fits.
    r1 = 1
    r2 = 2
    *(u64 *)(r10 - 488) = r1
    *(u64 *)(r10 - 504) = r2
    *(u64 *)(r10 - 512) = r1
    call bpf_get_smp_processor_id
    r1 = *(u64 *)(r10 - 512)
    r2 = *(u64 *)(r10 - 504)
    call sub
    r0 = 0
    exit
sub:
    r1 = 0
    *(u64 *)(r10 - 16) = r1
    r0 = 0
    exit
