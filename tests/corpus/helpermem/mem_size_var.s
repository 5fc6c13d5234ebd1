; a variable size (0..16) into a 16-byte map value at offset 4
.prog_type kprobe
.map m hash key=8 value=16 entries=4
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r6 = r0
    call bpf_get_prandom_u32
    r0 &= 15
    r6 += 4
    r1 = r6
    r2 = r0
    r3 = 0
    call bpf_probe_read_kernel
out:
    r0 = 0
    exit
