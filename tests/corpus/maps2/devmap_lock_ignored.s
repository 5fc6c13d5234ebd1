; a devmap's value declared with a spin lock: libbpf passes no BTF types
; for a devmap, so the kernel never sees the lock and creates the map
.prog_type xdp
.map m devmap key=4 value=8 entries=1 lock=4
    r1 = m ll
    r0 = 2
    exit
