; A compare leaves a scalar's 64-bit bounds crossed: r1 is a byte, and
; the taken side of `if r0 < r1` with r0 = 2^32 + 1 raises its umin to
; 2^32 + 2, above its umax of 255. 6.1's __reg_combine_64_into_32() takes
; 32-bit bounds from the 64-bit ones only when each end lies in the s32
; range (__reg64_bound_s32), so r1 keeps s32_min=0: nothing ever shows
; the branch dead, r0 grows by one each round, never the same state, and
; the walk runs out of its 1M instructions. 6.12 walks it once.
.prog_type xdp
.license "GPL"
    r2 = *(u32*)(r1 + 0)
    r3 = *(u32*)(r1 + 4)
    r1 = r2
    r1 += 1
    if r1 > r3 goto out
    r1 = *(u8*)(r2 + 0)
    r0 = 0x100000001 ll
loop:
    r0 += 1
    if r0 < r1 goto loop
out:
    w0 = 0
    exit
