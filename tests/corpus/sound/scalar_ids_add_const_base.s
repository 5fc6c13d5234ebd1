; pruning: the stored state links r8 = r6 + 5; the later one has
; r8 = r7 + 5 with r7 unrelated to r6, so the base ids must map too
.prog_type cgroup_skb
    call bpf_get_prandom_u32
    r0 &= 7
    r6 = r0
    call bpf_get_prandom_u32
    r0 &= 7
    r7 = r0
    call bpf_get_prandom_u32
    if r0 > 5 goto other
    r8 = r6
    r8 += 5
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    goto join
other:
    r8 = r7
    r8 += 5
join:
    r0 = r6
    r0 += r8
    r0 &= 1
    exit
