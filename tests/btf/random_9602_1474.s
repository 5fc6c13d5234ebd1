; veristep random program (btf): seed 9602 index 1474
.prog_type tracing iter tcp
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r9 = *(u64 *)(r7 + 0)
out:
    r0 = 2
    exit
