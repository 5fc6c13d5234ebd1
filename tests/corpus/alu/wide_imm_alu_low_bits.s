; An ALU immediate wider than 32 bits keeps its low 32 bits, as LLVM's
; assembler keeps them: `r0 += 0xffffffff00000002` adds 2, so the branch
; skips the uninitialised read. (0xffffffff00000002 is no sign extension
; of a 32-bit immediate, which would be read as that immediate.)
.prog_type socket_filter
    r0 = 0
    r0 += 0xffffffff00000002
    if r0 == 2 goto out
    r1 = *(u64 *)(r10 - 8)
out:
    r0 = 0
    exit
