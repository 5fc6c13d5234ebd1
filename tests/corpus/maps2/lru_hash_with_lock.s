; map_check_btf() takes a spin lock only in a hash, an array or a local
; storage: an LRU hash with one is created again without its BTF (the
; oracle's C gives the value a struct), so taking the lock is refused
.prog_type sched_cls
.map m lru_hash key=4 value=8 entries=1 lock=0
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = m ll
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = r0
    r1 += 0
    r6 = r0
    call bpf_spin_lock
    r1 = r6
    r1 += 0
    call bpf_spin_unlock
1:
    r0 = 0
    exit
