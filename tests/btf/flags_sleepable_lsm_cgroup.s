; a sleepable BPF_LSM_CGROUP program: 6.1 refuses it ("BPF_LSM_CGROUP
; programs cannot be sleepable"); 6.12.95's can_be_sleepable() lets it
.prog_type lsm_cgroup socket_bind
.prog_flags BPF_F_SLEEPABLE
    r0 = 1
    exit
