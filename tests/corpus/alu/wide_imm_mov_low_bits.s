; A constant wider than 32 bits written without `ll` is a move of its low
; 32 bits, as LLVM's assembler reads `r0 = 0x100000000` (and the oracle's
; converter with it): r0 is 0, the uninitialised read is never reached.
; veristep warns at the number and verifies what it reads.
.prog_type socket_filter
    r0 = 0x100000000
    if r0 == 0 goto out
    r1 = *(u64 *)(r10 - 8)
out:
    exit
