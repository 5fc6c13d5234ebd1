; veristep random program (btf): seed 9602 index 0
.prog_type tracing fexit tcp_sendmsg
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r1 = r7
    r1 += 8
    r1 += 16
    r2 = r10
    r2 += -8
    r3 = 16
    call bpf_d_path
    r1 = r10
    r1 += -32
    r2 = 0
    r3 = r6
    call bpf_probe_read_kernel
out:
    r0 = 0
    exit
