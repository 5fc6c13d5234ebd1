; veristep random program (btf): seed 9602 index 1206
.prog_type tracing fexit tcp_v4_connect
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 8)
    if r7 == 0 goto out
    r7 = *(u8 *)(r7 + 2)
    r9 = *(u64 *)(r6 + 0)
out:
    r0 = 0
    exit
