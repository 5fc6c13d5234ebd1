; The same value handed on from past its lock: bytes 8..15 hold no lock,
; and the helper may read them
.prog_type sched_cls
.map m hash key=8 value=16 entries=4 lock=0
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r0 += 8
    r1 = m ll
    r2 = r0
    call bpf_map_lookup_elem
out:
    r0 = 0
    exit
