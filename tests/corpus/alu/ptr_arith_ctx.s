; Modifying the context pointer and then dereferencing it.
    r1 += 8
    r0 = *(u32 *)(r1 + 0)
    exit
