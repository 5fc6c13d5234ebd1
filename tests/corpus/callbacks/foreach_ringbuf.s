; bpf_for_each_map_elem on a map type without callback support.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r0 = 0
    exit
