; bpf_for_each_map_elem: the callback reserves and leaks.
.map rb ringbuf entries=4096
.map arr array key=4 value=8 entries=4
    r1 = arr ll
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    r0 = 0
    exit
