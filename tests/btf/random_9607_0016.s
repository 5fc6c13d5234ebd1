; veristep random program (btf): seed 9607 index 16
.prog_type tracing fmod_ret security_file_open
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r7 = *(u32 *)(r7 + 230)
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    r0 = *(u32 *)(r1 + 8)
    r0 = 1
    exit
