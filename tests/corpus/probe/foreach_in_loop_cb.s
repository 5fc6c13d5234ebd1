; bpf_loop's callback runs bpf_for_each_map_elem; the inner callback leaks.
.map rb ringbuf entries=4096
.map arr array key=4 value=8 entries=2
    r1 = 1
    r2 = cb1 ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb1:
    r1 = arr ll
    r2 = cb2 ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb2:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    r0 = 0
    exit
