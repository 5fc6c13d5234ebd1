; Passing a map value (no reference) to a release helper.
.map m array key=4 value=8 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = r0
    r2 = 0
    call bpf_ringbuf_discard
1:
    r0 = 0
    exit
