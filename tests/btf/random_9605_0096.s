; veristep random program (btf): seed 9605 index 96
.prog_type lsm socket_connect
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    call bpf_rcu_read_lock
    r8 = *(u32 *)(r7 + 64)
    call bpf_rcu_read_unlock
    r1 = 9
    call bpf_send_signal
out:
    r0 = 0
    exit
