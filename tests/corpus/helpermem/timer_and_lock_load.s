; A load that covers a timer (at 0) and a lock (at 16), a u64 at 12: 6.1
; names the lock, 6.12 the timer (its record's lowest field touched)
.prog_type sched_cls
.map m hash key=8 value=32 entries=4 timer=0 lock=16
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = *(u64 *)(r0 + 12)
out:
    r0 = 0
    exit
