/* fentry on tcp_v4_connect(struct sock *sk, ...): the destination port
 * lives in sk->__sk_common (a nested struct, in an anonymous union of
 * it): the walk goes through both. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct sock_common { unsigned short skc_dport; } __attribute__((preserve_access_index));
struct sock { struct sock_common __sk_common; } __attribute__((preserve_access_index));

int port;

SEC("fentry/tcp_v4_connect")
int BPF_PROG(tr_nested_sock, struct sock *sk)
{
	port = sk->__sk_common.skc_dport;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
