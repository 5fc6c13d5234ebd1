; bpf_for_each_map_elem: the callback releases main's record (ctx in R4).
.map rb ringbuf entries=4096
.map arr array key=4 value=8 entries=4
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto out
    *(u64 *)(r10 - 8) = r0
    r1 = arr ll
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_for_each_map_elem
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r4 + 0)
    r2 = 0
    call bpf_ringbuf_discard
    r0 = 0
    exit
