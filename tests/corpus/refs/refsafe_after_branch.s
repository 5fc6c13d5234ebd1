; Two paths part at the first branch, and each reserves a ring buffer record
; of its own before they meet again at `join`, where the first path left a
; checkpoint. Linux 6.1's refsafe() memcmp()s the reference tables: the two
; records have different ids (and were acquired at different instructions),
; so the second path is walked again to the end. 6.12 maps reference ids as
; it maps register ids (check_ids) and prunes the second path at the join.
.prog_type sched_cls
.map rb ringbuf entries=4096
    r6 = *(u32 *)(r1 + 0)
    r6 &= 15
    r6 += 0
    r6 += 0
    if r6 > 10 goto other
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    r8 = 0
    r8 = 0
    r8 = 0
    r8 = 0
    r8 = 0
    r8 = 0
    if r6 == 100 goto join
    goto join
other:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
join:
    r7 = r0
    if r7 == 0 goto out
    r1 = r7
    r2 = 0
    call bpf_ringbuf_discard
    r1 = 1
    r1 += 1
    r1 += 1
    r1 += 1
out:
    r0 = 0
    exit
