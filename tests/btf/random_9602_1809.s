; veristep random program (btf): seed 9602 index 1809
.prog_type tracing tp_btf netif_receive_skb
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u32 *)(r6 + 9)
    r1 = 9
    call bpf_send_signal
out:
    r0 = 0
    exit
