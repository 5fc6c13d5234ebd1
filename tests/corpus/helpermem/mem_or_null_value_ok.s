; as mem_or_null_value_past, within the value: a map value that may be
; NULL is memory the helper may be given
.prog_type sched_cls
.map m hash key=8 value=16 entries=4
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    r1 = r0
    r2 = 16
    r3 = 0
    r4 = 0
    r5 = 0
    call bpf_csum_diff
    r0 = 0
    exit
