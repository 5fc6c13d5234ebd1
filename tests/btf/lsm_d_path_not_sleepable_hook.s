; file_permission is not a sleepable hook: bpf_d_path is not allowed
.prog_type lsm file_permission
    r1 = *(u64 *)(r1 + 0)
    r1 += 16
    r2 = r10
    r2 += -16
    r3 = 16
    call bpf_d_path
    r0 = 0
    exit
