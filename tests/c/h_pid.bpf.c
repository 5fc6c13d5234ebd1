// Tracing helpers: pid/tgid, uid/gid, comm, current task. Accepted.
#include "h_common.h"
SEC("kprobe/do_nanosleep") int k(void *ctx) { char comm[16]; __u64 a = bpf_get_current_pid_tgid() + bpf_get_current_uid_gid(); bpf_get_current_comm(comm, sizeof(comm)); return (comm[0] + a + bpf_get_current_task()) & 1; }
