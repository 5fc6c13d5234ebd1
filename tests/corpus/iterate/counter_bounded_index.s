; The callback increments a counter in ctx and uses it as a map value index:
; safe for one walk (6.1), out of bounds after enough iterations (6.7 rules).
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 4
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r6 = r2
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r7 = *(u64 *)(r6 + 0)
    r7 += 8
    *(u64 *)(r6 + 0) = r7
    r0 += r7
    r1 = *(u64 *)(r0 + 0)
1:
    r0 = 0
    exit
