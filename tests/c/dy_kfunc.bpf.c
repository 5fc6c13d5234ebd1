/* Linux 6.12's dynptr kfuncs over the packet: bpf_dynptr_from_skb (tc,
 * cgroup_skb, tracing ...) and bpf_dynptr_from_xdp; bpf_dynptr_slice gives
 * a read-only slice of a constant size, bpf_dynptr_slice_rdwr a writable
 * one where the program may write its packet (not cgroup_skb); a packet
 * slice dies when a helper may move the packet; a clone shares its
 * parent's kind. 6.1 has none of them (libbpf poisons their calls). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int bpf_dynptr_from_skb(struct __sk_buff *s, __u64 flags,
			       struct bpf_dynptr *ptr__uninit) __ksym __weak;
extern int bpf_dynptr_from_xdp(struct xdp_md *x, __u64 flags,
			       struct bpf_dynptr *ptr__uninit) __ksym __weak;
extern void *bpf_dynptr_slice(const struct bpf_dynptr *p, __u32 offset,
			      void *buffer__opt, __u32 buffer__szk) __ksym __weak;
extern void *bpf_dynptr_slice_rdwr(const struct bpf_dynptr *p, __u32 offset,
				   void *buffer__opt, __u32 buffer__szk) __ksym __weak;
extern int bpf_dynptr_clone(const struct bpf_dynptr *p,
			    struct bpf_dynptr *clone__uninit) __ksym __weak;
extern __u32 bpf_dynptr_size(const struct bpf_dynptr *p) __ksym __weak;

char _license[] SEC("license") = "GPL";

SEC("tc")
int sk_slice_read(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[14];
	__u8 *eth;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 0;
	eth = bpf_dynptr_slice(&ptr, 0, buf, sizeof(buf));
	if (!eth)
		return 0;
	return eth[12];
}

SEC("tc")
int sk_slice_write_rdonly(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[14];
	__u8 *eth;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 0;
	eth = bpf_dynptr_slice(&ptr, 0, buf, sizeof(buf));
	if (!eth)
		return 0;
	eth[0] = 1;
	return 0;
}

SEC("tc")
int sk_slice_rdwr_oob(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[14];
	__u8 *eth;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 0;
	eth = bpf_dynptr_slice_rdwr(&ptr, 0, buf, sizeof(buf));
	if (!eth)
		return 0;
	eth[0] = 1;
	return eth[14];
}

SEC("cgroup_skb/ingress")
int sk_rdwr_cgroup(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[4];
	__u8 *p;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 1;
	p = bpf_dynptr_slice_rdwr(&ptr, 0, buf, sizeof(buf));
	if (p)
		p[0] = 0;
	return 1;
}

SEC("tc")
int sk_slice_after_pull(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[4];
	__u8 *p;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 0;
	p = bpf_dynptr_slice(&ptr, 0, buf, sizeof(buf));
	if (!p)
		return 0;
	bpf_skb_pull_data(skb, 0);
	return p[0];
}

SEC("tc")
int sk_slice_var_len(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[16];
	__u32 n = skb->len & 15;
	__u8 *p;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 0;
	p = bpf_dynptr_slice(&ptr, 0, buf, n);
	return p ? p[0] : 0;
}

SEC("xdp")
int xd_clone_size(struct xdp_md *ctx)
{
	struct bpf_dynptr ptr, copy;

	if (bpf_dynptr_from_xdp(ctx, 0, &ptr))
		return XDP_PASS;
	bpf_dynptr_clone(&ptr, &copy);
	return bpf_dynptr_size(&copy) > 64 ? XDP_DROP : XDP_PASS;
}

SEC("xdp")
int xd_from_skb(struct xdp_md *ctx)
{
	struct bpf_dynptr ptr;

	bpf_dynptr_from_skb((struct __sk_buff *)ctx, 0, &ptr);
	return XDP_PASS;
}
