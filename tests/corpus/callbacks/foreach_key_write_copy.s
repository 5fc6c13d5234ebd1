; A bpf_for_each_map_elem callback writes its key through a copy of r2:
; the key is read-only, and the kernel names the register the store goes
; through (check_mem_access(): "write to change key R7 not allowed").
.map arr array key=4 value=16 entries=4
    *(u64 *)(r10 - 8) = 0
    r1 = arr ll
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r7 = r2
    call bpf_get_prandom_u32
    *(u32 *)(r7 + 0) = 1
    r0 = 0
    exit
