; syscall: the argument buffer is read and written
.prog_type syscall
    r2 = *(u32 *)(r1 + 4)
    *(u32 *)(r1 + 0) = r2
    r0 = 0
    exit
