; a write leaves its source register as it was: r0 stays the scalar 1
.prog_type lsm task_alloc
    r6 = r1
    r0 = 1
    *(u16 *)(r6 + 0) = r0
    *(u8 *)(r0 + 0) = r6
    r0 = 0
    exit
