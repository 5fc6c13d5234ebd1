; veristep random program (btf): seed 9602 index 737
.prog_type tracing tp_btf netif_receive_skb
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r0 = *(u64 *)(r7 + 8)
out:
    r0 = -1
    exit
