.prog_type kprobe
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r0
    r2 = 0
    call bpf_kptr_xchg
out:
    r0 = 0
    exit
