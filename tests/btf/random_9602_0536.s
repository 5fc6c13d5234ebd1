; veristep random program (btf): seed 9602 index 536
.prog_type tracing tp_btf netif_receive_skb
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u8 *)(r6 + 0)
    r1 = r10
    r1 += -32
    r2 = 0
    r3 = 0
    call bpf_probe_read_kernel
out:
    r0 = 0
    exit
