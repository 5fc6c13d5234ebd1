; veristep random program (btf): seed 9602 index 1340
.prog_type tracing fexit tcp_sendmsg
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r1 = r6
    call bpf_get_func_ip
    r8 = *(u64 *)(r7 + 731)
    r7 = *(u64 *)(r6 + 16)
    call bpf_get_current_pid_tgid
out:
    r0 = *(u64 *)(r6 + 0)
    exit
