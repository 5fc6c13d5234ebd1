/* tc: checks a packet pointer, calls bpf_skb_pull_data, then reuses the old pointer.
 * Rejected: the helper may move packet data, so old packet pointers are turned
 * into unknown scalars ("invalid mem access 'scalar'"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <linux/pkt_cls.h>

SEC("tc")
int tc_stale_pkt_ptr(struct __sk_buff *skb)
{
	__u8 *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;

	if ((void *)(data + 2) > data_end)
		return TC_ACT_OK;
	bpf_skb_pull_data(skb, 64);
	return data[1] == 0xff ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
