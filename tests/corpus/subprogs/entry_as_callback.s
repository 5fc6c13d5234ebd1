; the entry's own address as bpf_loop's callback: a function-address
; relocation against a function outside .text is not a subprogram's, so
; libbpf takes it for a map's and refuses it
.prog_type xdp
main:
    r1 = 4
    r2 = main ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
