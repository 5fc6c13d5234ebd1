; The compiler's sign extension (<<= 32, s>>= 32) of a negative 32-bit value:
; __scalar64_min_max_lsh() keeps the signed 32-bit bounds, negative or not
; (Linux 6.1.192 and 6.12), so the value stays at most -12 and the bad read
; behind the check is dead. Found in tetragon's generic_usdt programs.
    call bpf_get_prandom_u32
    if w0 s> -12 goto 1f
    r0 <<= 32
    r0 s>>= 32
    if r0 s> -12 goto 2f
1:
    r0 = 0
    exit
2:
    r0 = *(u64 *)(r10 +0)
    exit
