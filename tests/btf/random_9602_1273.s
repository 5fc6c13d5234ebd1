; veristep random program (btf): seed 9602 index 1273
.prog_type tracing fentry __x64_sys_nanosleep
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u32 *)(r6 + 9)
    r1 = r10
    call bpf_skc_to_unix_sock
    r9 = r0
    r7 = *(u64 *)(r0 + 1016)
    r2 = *(u64 *)(r0 + 776)
    r2 = *(u32 *)(r0 + 0)
    if r0 == 0 goto out
out:
    r0 = *(u64 *)(r6 + 0)
    exit
