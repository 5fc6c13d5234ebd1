; veristep random program (btf): seed 9605 index 810
.prog_type tracing fentry wake_up_new_task
.map st task_storage key=4 value=16 entries=0 flags=1
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    call bpf_rcu_read_lock
    r7 = *(u64 *)(r7 + 4984)
    call bpf_rcu_read_unlock
out:
    r0 = 0
    exit
