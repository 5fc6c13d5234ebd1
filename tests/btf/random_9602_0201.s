; veristep random program (btf): seed 9602 index 201
.prog_type lsm bprm_check_security
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u16 *)(r6 + 8)
    r9 = *(u64 *)(r6 + 0)
    call bpf_get_current_task_btf
    r7 = r0
    r1 = r6
    call bpf_get_attach_cookie
    r8 = *(u64 *)(r9 + 56)
out:
    r0 = 0
    exit
