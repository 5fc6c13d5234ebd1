/* sk_reuseport looking a reuseport array up. Rejected: the array is for
 * bpf_sk_select_reuseport only. */
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
  __u32 k = 0;
  return bpf_map_lookup_elem(&rsa, &k) ? SK_PASS : SK_DROP;
}
