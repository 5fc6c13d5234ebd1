; Nested bpf_loop callbacks, both converging.
    r1 = 3
    r2 = cb1 ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb1:
    r1 = 3
    r2 = cb2 ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb2:
    r0 = 1
    exit
