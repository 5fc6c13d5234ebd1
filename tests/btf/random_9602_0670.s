; veristep random program (btf): seed 9602 index 670
.prog_type tracing iter tcp
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 8)
    r7 = *(u64 *)(r6 + 0)
    r8 = *(u64 *)(r6 + 8)
    r1 = r6
    call bpf_get_func_arg_cnt
out:
    r0 = 2147483647
    exit
