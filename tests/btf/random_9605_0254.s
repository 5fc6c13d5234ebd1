; veristep random program (btf): seed 9605 index 254
.prog_type lsm bprm_check_security
.map st task_storage key=4 value=16 entries=0 flags=1
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r8 = *(u64 *)(r6 + 0)
    r1 = st ll
    r2 = r7
    r3 = 0
    r4 = 1
    call bpf_task_storage_get
    if r0 == 0 goto out
    *(u16 *)(r0 + 12) = 1
    r1 = r8
    call bpf_skc_to_tcp6_sock
    r7 = r0
    if r8 == 0 goto out
    r0 += 8
out:
    r0 = -4095
    exit
