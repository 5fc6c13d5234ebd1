; A map value holding a bpf_spin_lock handed to a helper as a key: the
; helper reads the value's first 8 bytes, lock included. check_map_access()
; refuses a helper's access to the lock's bytes as it refuses a load's
.prog_type sched_cls
.map m hash key=8 value=16 entries=4 lock=0
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = m ll
    r2 = r0
    call bpf_map_lookup_elem
out:
    r0 = 0
    exit
