; veristep random program (btf): seed 9605 index 253
.prog_type tracing fmod_ret bpf_modify_return_test
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 4096)
    r1 = r10
    call bpf_cgroup_acquire
    r7 = r0
    if r7 == 0 goto out
    r1 = r7
    call bpf_cgroup_release
    r0 = *(u64 *)(r7 - 1)
    r9 = *(u32 *)(r7 + 992)
out:
    r0 = 0
    exit
