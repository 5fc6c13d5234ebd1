; libbpf creates an xskmap (as sockmaps, devmaps, queues...) without BTF
; key and value types, whatever the object declares: its refusal (a value
; of 8 bytes) is not retried, and libbpf's first line is the failure
.prog_type xdp
.map m xskmap key=4 value=8 entries=1 lock=4
    r1 = m ll
    r0 = 0
    exit
