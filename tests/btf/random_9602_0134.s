; veristep random program (btf): seed 9602 index 134
.prog_type tracing tp_btf sys_enter
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r1 = *(u64 *)(r6 + 0)
    r7 += r1
    r1 = r10
    call bpf_skc_to_unix_sock
    r7 = r0
    if r7 == 0 goto out
    r7 = *(u64 *)(r6 + 0)
out:
    r0 = *(u64 *)(r6 + 0)
    exit
