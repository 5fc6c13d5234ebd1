; bpf_fastcall: bpf_ktime_get_ns clobbers R0 only, but a pair must spill and fill a
; register the call would clobber; the same register twice ends the pattern.
    r1 = 1
    *(u64 *)(r10 - 488) = r1
    *(u64 *)(r10 - 504) = r1
    *(u64 *)(r10 - 512) = r1
    call bpf_get_smp_processor_id
    r1 = *(u64 *)(r10 - 512)
    r1 = *(u64 *)(r10 - 504)
    call sub
    r0 = 0
    exit
sub:
    r1 = 0
    *(u64 *)(r10 - 16) = r1
    r0 = 0
    exit
