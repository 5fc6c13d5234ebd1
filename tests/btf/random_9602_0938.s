; veristep random program (btf): seed 9602 index 938
.prog_type tracing tp_btf sys_enter
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    *(u32 *)(r7 + 4) = r6
    r7 = *(u64 *)(r7 + 144)
    r9 = *(u64 *)(r6 + 0)
out:
    r0 = 0
    exit
