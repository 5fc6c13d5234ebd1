; bpf_skb_load_bytes() writing over a map value's bpf_timer
.prog_type sched_cls
.map m hash key=8 value=32 entries=4 timer=8
    r6 = r1
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r6
    r2 = 0
    r3 = r0
    r4 = 12
    call bpf_skb_load_bytes
out:
    r0 = 0
    exit
