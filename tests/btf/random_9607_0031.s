; veristep random program (btf): seed 9607 index 31
.prog_type tracing fentry tcp_v4_connect
.map st sk_storage key=4 value=16 entries=0 flags=1
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    r7 = *(u64 *)(r6 + 0)
    call bpf_get_current_task_btf
    r7 = r0
    r1 = r6
    r2 = r10
    r2 += -32
    r3 = 0
    r4 = 0
    call bpf_get_stack
    r7 = *(u64 *)(r6 + 0)
    *(u64 *)(r10 - 8) = r7
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    r0 = *(u32 *)(r1 + 0)
    r0 = 0
    exit
