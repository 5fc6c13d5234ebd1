/* tc: skip the IPv4 header using its variable IHL and read the first L4 byte.
 * Accepted: the variable offset is bounded (ihl*4 <= 60) and re-checked
 * against data_end. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>

SEC("tc")
int tc_packet_var_off(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *ip = data + sizeof(struct ethhdr);
	__u8 *l4;
	__u32 hl;

	if ((void *)(ip + 1) > data_end)
		return TC_ACT_OK;
	hl = ip->ihl * 4;
	if (hl < sizeof(*ip))
		return TC_ACT_SHOT;
	l4 = (__u8 *)ip + hl;
	if ((void *)(l4 + 1) > data_end)
		return TC_ACT_OK;
	return *l4 == 0 ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
