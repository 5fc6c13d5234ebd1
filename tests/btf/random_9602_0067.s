; veristep random program (btf): seed 9602 index 67
.prog_type tracing fexit tcp_sendmsg
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r8 = *(u64 *)(r6 + 0)
    r7 = *(u64 *)(r7 + 392)
out:
    r0 = 0
    exit
