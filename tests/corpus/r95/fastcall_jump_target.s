; 6.12.95's fastcall pattern does not look at jumps into it: the spill and
; fill around bpf_get_smp_processor_id are removed though the fill is a loop
; target, and the two 256-byte frames fit
    *(u64 *)(r10 - 256) = 0
    call sub
    r0 = 0
    exit
sub:
    *(u64 *)(r10 - 256) = 0
    r1 = 0
    r6 = 0
    *(u64 *)(r10 - 264) = r1
    call bpf_get_smp_processor_id
2:
    r1 = *(u64 *)(r10 - 264)
    r6 += 1
    if r6 < 3 goto 2b
    r0 = 0
    exit
