; the same storage with the key's real size: created, and the program
; writes its value through bpf_get_local_storage
.prog_type cgroup_skb
.map cs cgroup_storage key=16 value=8 entries=0
    r1 = cs ll
    r2 = 0
    call bpf_get_local_storage
    r1 = 1
    *(u64 *)(r0 + 0) = r1
    r0 = 1
    exit
