// bpf_sk_assign_tcp_reqsk() (6.12, tc only, trusted arguments): the
// packet's context, a referenced socket that may not be NULL, and its
// attributes as memory with their size. 6.1 has no such kfunc: the __weak
// extern is left unresolved and its call poisoned.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* a body, for libbpf's prototype check (a declaration is a FWD) */
struct sock {
	int unused;
};

struct bpf_tcp_req_attrs {
	__u32 rcv_tsval, rcv_tsecr;
	__u16 mss;
	__u8 rcv_wscale, snd_wscale, ecn_ok, wscale_ok, sack_ok, tstamp_ok, usec_ts_ok;
	__u8 reserved[3];
};

extern int bpf_sk_assign_tcp_reqsk(struct __sk_buff *skb, struct sock *sk,
				   struct bpf_tcp_req_attrs *attrs, int attrs__sz) __ksym __weak;

static struct bpf_sock *lookup(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t = {};

	return bpf_sk_lookup_tcp(skb, &t, sizeof(t.ipv4), -1, 0);
}

SEC("tc")
int assign_ok(struct __sk_buff *skb)
{
	struct bpf_tcp_req_attrs a = {};
	struct bpf_sock *sk = lookup(skb);
	int r;

	if (!sk)
		return 0;
	r = bpf_sk_assign_tcp_reqsk(skb, (struct sock *)sk, &a, sizeof(a));
	bpf_sk_release(sk);
	return r ? 2 : 0;
}

SEC("tc")
int maybe_null_socket(struct __sk_buff *skb)
{
	struct bpf_tcp_req_attrs a = {};
	struct bpf_sock *sk = lookup(skb);
	int r;

	r = bpf_sk_assign_tcp_reqsk(skb, (struct sock *)sk, &a, sizeof(a));
	if (sk)
		bpf_sk_release(sk);
	return r ? 2 : 0;
}

SEC("tc")
int attrs_too_long(struct __sk_buff *skb)
{
	struct bpf_tcp_req_attrs a = {};
	struct bpf_sock *sk = lookup(skb);
	int r;

	if (!sk)
		return 0;
	r = bpf_sk_assign_tcp_reqsk(skb, (struct sock *)sk, &a, sizeof(a) + 8);
	bpf_sk_release(sk);
	return r ? 2 : 0;
}

SEC("xdp")
int not_from_xdp(struct xdp_md *ctx)
{
	return bpf_sk_assign_tcp_reqsk((void *)ctx, 0, 0, 0) ? 1 : 2;
}

char _license[] SEC("license") = "GPL";
