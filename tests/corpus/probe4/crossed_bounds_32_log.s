; The same crossed bounds, walked 16 rounds and then stopped by a bad
; read: the level-2 log shows r1's 32-bit bounds after each compare
; (6.1: s32_min=0 and no u32_min, as __reg_combine_64_into_32() leaves
; them when the 64-bit ends are not both in the s32 range).
.prog_type xdp
.license "GPL"
    r2 = *(u32*)(r1 + 0)
    r3 = *(u32*)(r1 + 4)
    r1 = r2
    r1 += 1
    if r1 > r3 goto out
    r1 = *(u8*)(r2 + 0)
    r0 = 0x100000000 ll
loop:
    r0 += 1
    r4 = 0x100000010 ll
    if r0 == r4 goto bad
    if r0 < r1 goto loop
out:
    w0 = 0
    exit
bad:
    r0 = *(u64 *)(r10 + 8)
    exit
