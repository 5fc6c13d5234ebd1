; A local dynptr over a map value, a slice of it, then a store over the
; dynptr's bytes: 6.1 leaves the slice usable (the store only turns bytes
; into data); 6.12 destroys the dynptr and its slices, so the read
; through the old slice is refused.
.map arr array key=4 value=32 entries=1
    r6 = 0
    *(u32 *)(r10 - 20) = r6
    r2 = r10
    r2 += -20
    r1 = arr ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r0
    r2 = 32
    r3 = 0
    r4 = r10
    r4 += -16
    call bpf_dynptr_from_mem
    r1 = r10
    r1 += -16
    r2 = 0
    r3 = 8
    call bpf_dynptr_data
    if r0 == 0 goto out
    r1 = 0
    *(u64 *)(r10 - 16) = r1
    r6 = *(u64 *)(r0 + 0)
out:
    r0 = r6
    exit
