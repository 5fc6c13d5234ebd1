; bpf_map_delete_elem with a key on the stack.
.map h hash key=8 value=8 entries=4
    r1 = 3
    *(u64 *)(r10 - 8) = r1
    r1 = h ll
    r2 = r10
    r2 += -8
    call bpf_map_delete_elem
    r0 = 0
    exit
