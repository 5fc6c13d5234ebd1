/* fentry/tcp_v4_connect: bpf_sk_storage_get on the socket (struct sock
 * begins with struct sock_common), creating a counter. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, u64);
} conns SEC(".maps");

SEC("fentry/tcp_v4_connect")
int BPF_PROG(tr_sk_storage, struct sock *sk)
{
	u64 *n = bpf_sk_storage_get(&conns, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);

	if (n)
		*n += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
