; BTF refused: no func info, so the kernel refuses a callback's address
.prog_type socket_filter
.map m bloom_filter key=0 value=4 entries=1073741824
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 0
    exit
