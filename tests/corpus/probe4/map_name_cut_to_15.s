; The kernel keeps 15 bytes of a map's name (BPF_OBJ_NAME_LEN with its
; NUL): 6.12's log prints map=events_by_proce (the name cut), 6.1 none.
.prog_type socket_filter
.map events_by_process_id hash key=4 value=8 entries=4
    *(u32 *)(r10 - 4) = 0
    r1 = events_by_process_id ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r0 = *(u64 *)(r0 + 0)
out:
    r0 = 0
    exit
