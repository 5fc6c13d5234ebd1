/* An sk_msg verdict redirecting through a sockmap, keyed by the message size. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_SOCKMAP); __uint(max_entries, 2); __type(key, __u32); __type(value, __u32); } sm SEC(".maps");
SEC("sk_msg") int skmsg_redirect_ok(struct sk_msg_md *msg) {
  return bpf_msg_redirect_map(msg, &sm, msg->size & 1, 0);
}
