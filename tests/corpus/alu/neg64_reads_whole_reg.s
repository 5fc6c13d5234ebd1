; A 64-bit negation reads its register whole (is_reg64(): every ALU64
; instruction does), so the compare at insn 25 on the other branch finds
; the checkpoint's r6 already read and walks one parent: mark_read 1.
; Found by kernel-diff --random --bounds (seed 9162, program 235).
.prog_type sched_cls
.map m0 array key=4 value=4096 entries=1
    r1 = 0
    *(u32 *)(r10 -4) = r1
    r2 = r10
    r2 += -4
    r1 = m0 ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r9 = r0
    call bpf_get_prandom_u32
    r6 = r0
    r6 -= 128
    if r6 < 1 goto out
    call bpf_ktime_get_ns
    r7 = r0
    if w7 < w6 goto out
    if r7 < 65536 goto out
    call bpf_get_prandom_u32
    r8 = r0
    r8 -= 1073741824
    if r7 s>= 33 goto l1
    r6 = -r6
    goto l2
l1:
    r5 = 0xffffffffffffff80 ll
    if r6 >= r5 goto out
l2:
    if r7 > 4095 goto out
    r1 = r9
    r1 += r7
    *(u64 *)(r1 +0) = 1
    r0 = 0
    exit
out:
    r0 = 0
    exit
