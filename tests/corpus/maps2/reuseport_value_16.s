; a reuseport socket array holds a socket's cookie (8 bytes) or fd (4):
; any other value size is refused at creation, before the array's checks
.prog_type kprobe
.map socks reuseport_sockarray key=4 value=16 entries=4
    r1 = socks ll
    r0 = 1
    exit
