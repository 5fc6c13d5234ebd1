; acquire(unsigned long *) given a map value not checked for NULL: check_mem_reg() checks it as if it were not NULL.
.prog_type sched_cls
.map m array key=4 value=8 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r1 = r0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r1 = r0
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
