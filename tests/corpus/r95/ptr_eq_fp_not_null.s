; 6.12.95: `ptr == ptr` with exactly one of them maybe NULL lifts its
; PTR_MAYBE_NULL in the equal branch, whatever the other (here the stack)
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r1 = r10
    if r0 != r1 goto 1f
    r0 = *(u64 *)(r0 + 0)
1:
    r0 = 0
    exit
