; key= as `__uint(key_size, N)`: 2^30 makes BTF the kernel refuses
.prog_type socket_filter
.map m hash key=1073741824 value=4 entries=1
    r1 = m ll
    r0 = 0
    exit
