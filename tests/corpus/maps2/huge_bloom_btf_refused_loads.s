; BTF refused, but a bloom filter of 2^30 entries is created: the program
; loads without BTF and is verified
.prog_type socket_filter
.map m bloom_filter key=0 value=4 entries=1073741824
    r1 = m ll
    r0 = 0
    exit
