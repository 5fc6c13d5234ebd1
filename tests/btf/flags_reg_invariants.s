; BPF_F_TEST_REG_INVARIANTS: Linux 6.1 does not know the flag (EINVAL)
.prog_flags BPF_F_TEST_REG_INVARIANTS
    r0 = 0
    exit
