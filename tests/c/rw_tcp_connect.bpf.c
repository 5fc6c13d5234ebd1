/* Real-world style (bcc libbpf-tools' tcpconnect): fentry on
 * tcp_v4_connect with a struct sock from vmlinux.h, the socket's family,
 * addresses and port read through BTF pointers (fields of nested
 * __sk_common), a per-pid hash map and a perf event array output.
 * Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct ev {
	u32 pid;
	u32 saddr;
	u32 daddr;
	u16 dport;
	u16 family;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, u32);
	__type(value, struct sock *);
} sockets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(u32));
	__uint(value_size, sizeof(u32));
} events SEC(".maps");

const volatile pid_t filter_pid = 0;

SEC("fentry/tcp_v4_connect")
int BPF_PROG(tcp_v4_connect_entry, struct sock *sk)
{
	u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (filter_pid && pid != filter_pid)
		return 0;
	bpf_map_update_elem(&sockets, &pid, &sk, BPF_ANY);
	return 0;
}

SEC("fexit/tcp_v4_connect")
int BPF_PROG(tcp_v4_connect_exit, struct sock *sk, struct sockaddr *uaddr, int addr_len, int ret)
{
	u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct ev e = {};

	bpf_map_delete_elem(&sockets, &pid);
	if (ret)
		return 0;
	e.pid = pid;
	e.family = sk->__sk_common.skc_family;
	e.saddr = sk->__sk_common.skc_rcv_saddr;
	e.daddr = sk->__sk_common.skc_daddr;
	e.dport = sk->__sk_common.skc_dport;
	bpf_perf_event_output(ctx, &events, BPF_F_CURRENT_CPU, &e, sizeof(e));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
