; r2 = r1 with r1 a constant: 6.1 gives both an id (find_equal_scalars),
; 6.12 does not (assign_scalar_id_before_mov), so later ids differ.
.map rb ringbuf entries=4096
    r1 = 5
    r2 = r1
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    r0 = 0
    exit
