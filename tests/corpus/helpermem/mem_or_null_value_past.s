; bpf_csum_diff's first argument may be NULL (ARG_PTR_TO_MEM_OR_NULL): a
; map value not yet checked passes, and its bounds are checked as
; memory's — __check_mem_access() switches on the whole register type,
; and map_value_or_null is no map value there ("invalid access to memory")
.prog_type sched_cls
.map m hash key=8 value=16 entries=4
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    r1 = r0
    r2 = 20
    r3 = 0
    r4 = 0
    r5 = 0
    call bpf_csum_diff
    r0 = 0
    exit
