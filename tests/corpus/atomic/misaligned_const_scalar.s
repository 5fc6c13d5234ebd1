; An atomic through a scalar: atomics check alignment strictly
; (strict_alignment_once) before the pointer type, and a constant
; scalar's var_off is printed by tnum_strn(): `(0x7fffffff; 0x0)` in 6.1,
; as a number in 6.12 (`0x7fffffff`: verbose_unum's hex above U16_MAX).
.prog_type socket_filter
    r0 = 1
    r1 = 2147483647
    lock *(u64 *)(r1 - 8) ^= r0
    r0 = 0
    exit
