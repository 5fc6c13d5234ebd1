// tc: rewrite an IPv4 TTL with bpf_skb_store_bytes, fix the checksums with bpf_l3/l4_csum_replace,
// then reload data/data_end before reading. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") int t(struct __sk_buff *skb) {
  void *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  struct iphdr *ip = d + sizeof(struct ethhdr);
  if ((void *)(ip + 1) > e) return 0;
  __u16 old = *(__u16 *)&ip->ttl, nw = old - 1;
  bpf_skb_store_bytes(skb, ETH_HLEN + 8, &nw, 2, 0);
  bpf_l3_csum_replace(skb, ETH_HLEN + 10, old, nw, 2);
  bpf_l4_csum_replace(skb, ETH_HLEN + 20 + 16, old, nw, BPF_F_PSEUDO_HDR | 2);
  d = (void *)(long)skb->data; e = (void *)(long)skb->data_end;
  if (d + 1 > e) return 0;
  return *(__u8 *)d & 1;
}
