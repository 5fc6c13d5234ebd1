; veristep random program (btf): seed 9607 index 9
.prog_type tracing tp_btf kfree_skb
.map st sk_storage key=4 value=16 entries=0 flags=1
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    r7 = *(u64 *)(r6 + 32)
    r1 = r6
    call bpf_get_attach_cookie
    r1 = 0
    call bpf_task_acquire
    r8 = r0
    if r8 == 0 goto out
    r1 = r8
    call bpf_task_release
    r1 = *(u64 *)(r6 + 0)
    r8 += r1
    call bpf_get_current_task_btf
    r1 = r0
    call bpf_task_acquire
    if r0 == 0 goto out
    r9 = r0
    *(u64 *)(r10 - 8) = r0
    r1 = *(u64 *)(r6 + 0)
    r1 &= 15
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = 1
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    r0 = *(u32 *)(r1 + 0)
    r0 = 2
    exit
