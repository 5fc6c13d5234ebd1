; the callback sets a flag; main reads the flag and, if set, dereferences NULL-able value
.map arr array key=4 value=8 entries=1
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 2
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = *(u64 *)(r10 - 8)
    if r1 == 0 goto out
    r0 = 0
    exit
out:
    r0 = 1
    exit
cb:
    r1 = 1
    *(u64 *)(r2 + 0) = r1
    r0 = 0
    exit
