; the oracle's C declares entries= as `__uint(max_entries, N)`, a pointer
; to int[N]: from 2^30 on its size overflows a u32, the kernel refuses the
; object's BTF (libbpf's first line), then the table cannot be allocated
.prog_type socket_filter
.map m hash key=4 value=4 entries=1073741824
    r1 = m ll
    r0 = 0
    exit
