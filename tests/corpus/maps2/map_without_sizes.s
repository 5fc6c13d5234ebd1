; a hash map declared without key= and value=: both are 0, as libbpf
; leaves them, and the kernel refuses to create it
.prog_type kprobe
.map m hash entries=4
    r1 = m ll
    r0 = 0
    exit
