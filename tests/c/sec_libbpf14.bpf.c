/* Section names libbpf 1.3+ knows (the oracle's loader is libbpf 1.4):
 * multi-uprobes (BPF_TRACE_UPROBE_MULTI, sleepable with `.s`), sleepable
 * USDT probes, and tcx / netkit links, which load sched_cls programs. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

SEC("uprobe.multi//proc/self/exe:main*")
int umulti(void *ctx)
{
	return bpf_get_prandom_u32() & 1;
}

SEC("uretprobe.multi//proc/self/exe:main*")
int uretmulti(void *ctx)
{
	return 0;
}

SEC("uprobe.multi.s//proc/self/exe:main*")
int umulti_sleepable(void *ctx)
{
	char buf[8];

	bpf_copy_from_user(buf, sizeof(buf), (void *)0);
	return 0;
}

SEC("usdt.s")
int usdt_sleepable(void *ctx)
{
	char buf[8];

	bpf_copy_from_user(buf, sizeof(buf), (void *)0);
	return 0;
}

SEC("tcx/ingress")
int tcx_in(struct __sk_buff *skb)
{
	return skb->len > 100 ? 2 : 0;
}

SEC("tcx/egress")
int tcx_out(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;

	if (data + 14 > end)
		return 0;
	return *(unsigned char *)data;
}

SEC("netkit/primary")
int nk_primary(struct __sk_buff *skb)
{
	return skb->mark;
}

SEC("netkit/peer")
int nk_peer(struct __sk_buff *skb)
{
	skb->mark = 1;
	return 0;
}
