; bpf_prog_free is a sleepable LSM hook in 6.12.95
.prog_type lsm bpf_prog_free sleepable
    r0 = 0
    exit
