; bpf_fastcall: pairs around a helper the kernel does not inline (bpf_ktime_get_ns)
; keep the subprogram's stack; the inlined call's pairs are not removed either.
    r1 = 1
    r2 = 2
    *(u64 *)(r10 - 488) = r1
    *(u64 *)(r10 - 504) = r2
    *(u64 *)(r10 - 512) = r1
    call bpf_get_smp_processor_id
    r1 = *(u64 *)(r10 - 512)
    r2 = *(u64 *)(r10 - 504)
    *(u64 *)(r10 - 512) = r1
    call bpf_ktime_get_ns
    r1 = *(u64 *)(r10 - 512)
    call sub
    r0 = 0
    exit
sub:
    r1 = 0
    *(u64 *)(r10 - 16) = r1
    r0 = 0
    exit
