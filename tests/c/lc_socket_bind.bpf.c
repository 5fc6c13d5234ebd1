/* A cgroup LSM program (BPF_LSM_CGROUP) on socket_bind, an int hook: it
 * counts binds in its cgroup's local storage (bpf_get_local_storage, a
 * helper of cgroup_common_func_proto) and allows them (1). Accepted by
 * both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, __u64);
} lc_binds SEC(".maps");

SEC("lsm_cgroup/socket_bind")
int BPF_PROG(lc_socket_bind, struct socket *sock, struct sockaddr *address,
	     int addrlen)
{
	__u64 *n = bpf_get_local_storage(&lc_binds, 0);

	__sync_fetch_and_add(n, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
