; a cgroup storage keyed by struct bpf_cgroup_storage_key must say 16 bytes
; (its padding included) or 8 (a cgroup id): 12 is refused at creation
.prog_type cgroup_skb
.map cs cgroup_storage key=12 value=8 entries=0
    r1 = cs ll
    r2 = 0
    call bpf_get_local_storage
    r0 = 1
    exit
