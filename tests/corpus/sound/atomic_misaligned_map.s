; An in-bounds but misaligned atomic add on a map value: atomics are always
; checked for alignment (issue 16 #3).
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = 1
    lock *(u64 *)(r0 + 4) += r1
1:  r0 = 0
    exit
