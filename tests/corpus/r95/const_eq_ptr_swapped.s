; 6.12's is_branch_taken() turns `0 == pointer` around and decides it: a map
; value checked not NULL never equals 0, so the read of r9 is dead (6.1 does
; not decide a constant against a pointer)
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = 0
    if r1 == r0 goto bad
    r0 = 0
    exit
bad:
    r0 = r9
out:
    r0 = 0
    exit
