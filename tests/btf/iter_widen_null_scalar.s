; 6.12 widens an imprecise spilled scalar 0 at an iterator's next pass when the
; earlier pass's 0 came from a NULL map value pointer: the kernel keeps the
; pointer's union (map_ptr) in the scalar, and regs_exact() compares it byte
; for byte (kernel-diff --random 300 --seed 9203 --prune --v4, program 154:
; 6.12 processed 5908 instructions, veristep 6342 before it kept that union)
.prog_type socket_filter
.map m0 array key=4 value=16 entries=1
    *(u64 *)(r10 -48) = r1
    r1 = 0
    *(u32 *)(r10 -40) = r1
    r2 = r10
    r2 += -40
    r1 = m0 ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r6 = r0
    r7 = 1
    r8 = 1
    call bpf_get_prandom_u32
    r9 = r0
    r1 = r10
    r1 += -64
    r2 = 0
    r3 = 3
    call bpf_iter_num_new
l1:
    r1 = r10
    r1 += -64
    call bpf_iter_num_next
    if r0 == 0 goto l2
    if r8 != 0 goto l3
    *(u64 *)(r10 -8) = 42
    r9 &= 1
    goto l4
l3:
l4:
    goto l1
l2:
    r1 = r10
    r1 += -64
    call bpf_iter_num_destroy
    if r9 <= 2147483647 goto l5
    r7 = *(u32 *)(r6 +12)
    goto l6
l5:
    r7 = *(u8 *)(r6 +1)
l6:
    r1 = r10
    r1 += -64
    r2 = 0
    r3 = 3
    call bpf_iter_num_new
l7:
    r1 = r10
    r1 += -64
    call bpf_iter_num_next
    if r0 == 0 goto l8
    call bpf_get_prandom_u32
    if r0 != -2147483648 goto l9
    *(u64 *)(r10 -24) = r9
    call bpf_get_prandom_u32
    if r0 < 1 goto l11
    r1 = r7
    r2 = r6
    call f1
    r8 = r0
    *(u8 *)(r10 -9) = 1
    r1 = m0 ll
    r2 = r10
    r2 += -40
    call bpf_map_lookup_elem
    if r0 == 0 goto l13
    r1 = *(u8 *)(r0 +0)
l13:
    *(u64 *)(r10 -24) = r0
    goto l12
l11:
    call bpf_get_prandom_u32
    r8 = r0
    *(u64 *)(r10 -16) = 0
    *(u64 *)(r10 -24) = 0
l12:
    *(u64 *)(r10 -16) = 0
    goto l10
l9:
    if r8 <= 1 goto l14
    *(u64 *)(r10 -24) = r7
    goto l15
l14:
    *(u64 *)(r10 -24) = r8
l15:
    call bpf_get_prandom_u32
    if r0 <= 7 goto l16
    goto l17
l16:
    r8 = r6
    *(u64 *)(r10 -8) = -1
l17:
    if r9 < 2147483647 goto l18
    *(u64 *)(r10 -24) = r9
    *(u64 *)(r10 -32) = 0
    *(u64 *)(r10 -8) = r8
    goto l19
l18:
    *(u64 *)(r10 -24) = 0
    *(u64 *)(r10 -32) = r8
    *(u64 *)(r10 -8) = r7
l19:
l10:
    goto l7
l8:
    r1 = r10
    r1 += -64
    call bpf_iter_num_destroy
    r2 = r7
    r2 &= 15
    r1 = r6
    r1 += r2
    r0 = *(u8 *)(r1 +0)
    r1 = r10
    r1 += -64
    r2 = 0
    r3 = 0
    call bpf_iter_num_new
l20:
    r1 = r10
    r1 += -64
    call bpf_iter_num_next
    if r0 == 0 goto l21
    if r7 s< -1 goto l22
    goto l23
l22:
    if r9 == 0 goto l24
    r1 = m0 ll
    r2 = r10
    r2 += -40
    call bpf_map_lookup_elem
    if r0 == 0 goto l26
    r1 = *(u8 *)(r0 +0)
l26:
    *(u64 *)(r10 -24) = r0
    r8 = *(u32 *)(r6 +0)
    r9 = r7
    goto l25
l24:
    r1 = m0 ll
    r2 = r10
    r2 += -40
    call bpf_map_lookup_elem
    if r0 == 0 goto l27
    r1 = *(u8 *)(r0 +0)
l27:
    *(u64 *)(r10 -24) = r0
    r8 = *(u32 *)(r6 +0)
    r9 = r7
l25:
l23:
    goto l20
l21:
    r1 = r10
    r1 += -64
    call bpf_iter_num_destroy
    r0 = *(u8 *)(r6 +11)
    if r0 s< -2147483648 goto l28
    r7 *= 2
    *(u8 *)(r10 -6) = 1
    call bpf_get_prandom_u32
    if r0 >= 0 goto l30
    *(u64 *)(r10 -8) = r9
    *(u8 *)(r10 -6) = 1
    r7 = r8
    goto l31
l30:
    r1 = m0 ll
    r2 = r10
    r2 += -40
    call bpf_map_lookup_elem
    if r0 == 0 goto l32
    r1 = *(u8 *)(r0 +0)
l32:
    *(u64 *)(r10 -8) = r0
    *(u64 *)(r10 -8) = 0
    r7 = r10
    r7 += -24
l31:
    goto l29
l28:
    if r9 < 8 goto l33
    goto l34
l33:
    call bpf_get_prandom_u32
    r7 = r0
l34:
    *(u64 *)(r10 -8) = 0
    *(u64 *)(r10 -8) = 0
l29:
    r1 = r10
    r1 += -64
    r2 = 0
    r3 = 1
    call bpf_iter_num_new
l35:
    r1 = r10
    r1 += -64
    call bpf_iter_num_next
    if r0 == 0 goto l36
    if r9 s< -1 goto l37
    r8 = 1
    goto l38
l37:
    r8 = 8
l38:
    goto l35
l36:
    r1 = r10
    r1 += -64
    call bpf_iter_num_destroy
    r2 = r9
    r2 &= 15
    r1 = r6
    r1 += r2
    r0 = *(u8 *)(r1 +0)
    r1 = *(u64 *)(r10 -32)
    r0 = 0
    exit
out:
    r0 = 0
    exit
f1:
    r6 = r2
    r2 = r1
    r2 &= 15
    r1 = r6
    r1 += r2
    r0 = *(u8 *)(r1 +0)
    r0 = *(u8 *)(r6 +12)
    r0 &= 63
    exit
