; an array's key must be 4 bytes: refused with its BTF types (a lock makes
; the C type key and value), libbpf retries without them and says so first
.prog_type sched_cls
.map m array key=8 value=8 entries=1 lock=4
    r1 = m ll
    r0 = 0
    exit
