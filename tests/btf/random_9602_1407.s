; veristep random program (btf): seed 9602 index 1407
.prog_type lsm socket_connect
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 8)
    r7 += 8
out:
    r0 = 0
    exit
