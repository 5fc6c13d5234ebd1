/* sk_reuseport selecting a socket from a reuseport array by the hash,
 * reading the packet, the protocol (2 bytes) and the socket. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct {
  __uint(type, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY);
  __uint(max_entries, 4);
  __type(key, __u32);
  __type(value, __u64);
} rsa SEC(".maps");
SEC("sk_reuseport") int r(struct sk_reuseport_md *md) {
  __u32 k = md->hash & 3;
  __u8 *d = md->data, *e = md->data_end;
  __u16 p = *(volatile __u16 *)&md->eth_protocol;
  if (d + 1 <= e && d[0] == 0 && p == 8 && md->sk->family == 2)
    return SK_DROP;
  return bpf_sk_select_reuseport(md, &rsa, &k, 0) == 0 ? SK_PASS : SK_DROP;
}
