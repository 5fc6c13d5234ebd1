; veristep random program (btf): seed 9602 index 1139
.prog_type lsm file_open
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    *(u64 *)(r7 + 8) = 0
    *(u32 *)(r6 + 8) = 0
    r8 = *(u64 *)(r6 + 0)
out:
    r0 = -4096
    exit
