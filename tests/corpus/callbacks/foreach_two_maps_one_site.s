; One bpf_for_each_map_elem call site reached with two maps (clang merges
; the calls of `if (x) walk(&a) else walk(&b)`): the call site's
; map_ptr_state is poisoned on the second walk, and 6.1's
; set_map_elem_callback_state() refuses it, "tail_call abusing map_ptr".
; 6.12 walks the callback with the map of each path and accepts.
.prog_type socket_filter
.map a array key=4 value=8 entries=4
.map h hash key=4 value=8 entries=4
    call bpf_get_prandom_u32
    if r0 == 0 goto use_h
    r1 = a ll
    goto walk
use_h:
    r1 = h ll
walk:
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r0 = 0
    exit
