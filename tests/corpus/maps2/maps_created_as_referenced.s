; both maps have no value size, so the kernel refuses both; libbpf names
; the one it creates first. The oracle's C declares maps as tentative
; definitions, which clang lays out where the code first takes one's
; address, the others after: `second` is created before `first`
.prog_type socket_filter
.map first prog_array key=4 value=0 entries=8
.map second prog_array key=4 value=0 entries=4
    r2 = second ll
    r0 = 0
    exit
