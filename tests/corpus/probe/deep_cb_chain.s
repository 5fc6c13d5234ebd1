; Six nested bpf-to-bpf calls and a bpf_loop callback: eight frames.
    call f1
    r0 = 0
    exit
f1:
    call f2
    r0 = 0
    exit
f2:
    call f3
    r0 = 0
    exit
f3:
    call f4
    r0 = 0
    exit
f4:
    call f5
    r0 = 0
    exit
f5:
    call f6
    r0 = 0
    exit
f6:
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
