; cpu v4's bswap16 is an ALU64 instruction but reads only the register's
; low half (6.12's is_reg64() says so of bswap16/32), so the compare at
; insn 25 on the other branch walks two parents: mark_read 2, where a
; 64-bit negation in its place gives 1 (alu/neg64_reads_whole_reg.s).
; 6.1 has no bswap.
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
    r6 = bswap16 r6
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
