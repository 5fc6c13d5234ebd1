/* Real-world style (xdp-tutorial packet parsing): Ethernet, VLAN, IPv4
 * and UDP headers parsed with bounds checks against data_end, a per-CPU
 * counter array by protocol, XDP_DROP of UDP port 9. Accepted. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_count SEC(".maps");

struct vlan_hdr { __be16 tci; __be16 proto; };

SEC("xdp")
int rw_xdp_parse(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u16 proto;
	__u64 off = sizeof(*eth);

	if (data + off > data_end)
		return XDP_PASS;
	proto = eth->h_proto;
	if (proto == bpf_htons(ETH_P_8021Q)) {
		struct vlan_hdr *vh = data + off;
		if ((void *)(vh + 1) > data_end)
			return XDP_PASS;
		proto = vh->proto;
		off += sizeof(*vh);
	}
	if (proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	struct iphdr *iph = data + off;
	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	__u32 key = iph->protocol;
	__u64 *cnt = bpf_map_lookup_elem(&proto_count, &key);
	if (cnt)
		*cnt += 1;
	if (iph->protocol != IPPROTO_UDP)
		return XDP_PASS;
	struct udphdr *udp = (void *)iph + iph->ihl * 4;
	if ((void *)(udp + 1) > data_end)
		return XDP_PASS;
	if (udp->dest == bpf_htons(9))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
