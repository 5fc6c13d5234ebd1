; veristep random program (btf): seed 9602 index 1005
.prog_type tracing fmod_ret security_file_open
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r7 = *(u64 *)(r7 + 208)
    r7 = *(u8 *)(r7 + 1)
    *(u8 *)(r6 + 0) = r7
out:
    r0 = 2
    exit
