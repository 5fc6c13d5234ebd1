; kprobe: bpf_current_task_under_cgroup with a cgroup array
.prog_type kprobe
.map cg cgroup_array key=4 value=4 entries=1
    r1 = cg ll
    r2 = 0
    call bpf_current_task_under_cgroup
    r0 = 0
    exit
