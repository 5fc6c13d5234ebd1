; pruning: the stored state's r8 is an unlinked precise scalar (id 0),
; the later one links r8 to r7 (same id), which the stored r7 also has
.prog_type cgroup_skb
    call bpf_get_prandom_u32
    r7 = r0
    r7 &= 1
    r6 = r7
    call bpf_get_prandom_u32
    if r0 > 5 goto linked
    r8 = r7
    r8 &= 1
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    goto join
linked:
    r8 = r7
join:
    r0 = r7
    r0 += r8
    r0 &= 1
    exit
