; A helper's access that covers a timer (at 0) and a lock (at 16): 6.1's
; check_map_access() looks at the lock first and names it; 6.12 walks the
; value's record by offset and names the timer
.prog_type sched_cls
.map m hash key=8 value=32 entries=4 timer=0 lock=16
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
    r4 = 32
    call bpf_skb_load_bytes
out:
    r0 = 0
    exit
