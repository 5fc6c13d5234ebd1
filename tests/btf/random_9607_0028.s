; veristep random program (btf): seed 9607 index 28
.prog_type tracing fexit tcp_v4_connect
.map st task_storage key=4 value=16 entries=0 flags=1
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r1 = st ll
    r2 = r7
    call bpf_task_storage_delete
    call bpf_rcu_read_unlock
    r1 = st ll
    r2 = r7
    r3 = 0
    r4 = 0
    call bpf_task_storage_get
    if r0 == 0 goto out
    *(u32 *)(r0 + 8) = 1
    r9 = *(u64 *)(r6 + 24)
    call bpf_get_current_task_btf
    r1 = r0
    call bpf_task_acquire
    if r0 == 0 goto out
    r9 = r0
    *(u64 *)(r10 - 8) = r0
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = r9
    call bpf_task_release
out:
    r0 = *(u64 *)(r6 + 0)
    exit
cb:
    r1 = 1
    call bpf_task_from_pid
    if r0 == 0 goto cb_out
cb_out:
    r0 = 0
    exit
