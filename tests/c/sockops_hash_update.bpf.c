/* A sockops program putting established sockets into a sockhash (the sockmap acceleration pattern). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct key { __u32 sip, dip, sport, dport; };
struct { __uint(type, BPF_MAP_TYPE_SOCKHASH); __uint(max_entries, 64); __type(key, struct key); __type(value, __u32); } sh SEC(".maps");
SEC("sockops") int sockops_hash_update(struct bpf_sock_ops *skops) {
  if (skops->family != 2)
    return 0;
  switch (skops->op) {
  case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
  case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB: {
    struct key k = { skops->local_ip4, skops->remote_ip4, skops->local_port, skops->remote_port };
    bpf_sock_hash_update(skops, &sh, &k, BPF_NOEXIST);
    break;
  }
  }
  return 0;
}
