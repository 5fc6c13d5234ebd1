; a devmap is read-only to programs: the kernel adds BPF_F_RDONLY_PROG when it
; creates one (a lookup points straight at the device's ifindex), so an update
; from the program is refused before the map type is even checked
.prog_type sched_cls
.map m devmap key=4 value=4 entries=4
    r7 = 0
    *(u64 *)(r10 - 8) = r7
    *(u64 *)(r10 - 16) = r7
    r1 = m ll
    r2 = r10
    r2 += -8
    r3 = r10
    r3 += -16
    r4 = 0
    call bpf_map_update_elem
    r0 = 0
    exit
