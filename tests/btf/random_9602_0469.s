; veristep random program (btf): seed 9602 index 469
.prog_type tracing fmod_ret security_file_open sleepable
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r8 = *(u64 *)(r7 - 1)
    r7 = *(u64 *)(r6 + 0)
    r1 = r7
    r1 += 16
    r2 = r10
    r2 += -8
    r3 = 8
    call bpf_ima_file_hash
    if r7 == 0 goto out
out:
    r0 = 0
    exit
