/* bpf_get_netns_cookie takes the context or NULL. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_msg") int skmsg_netns_cookie(struct sk_msg_md *msg) {
  return (bpf_get_netns_cookie(msg) + bpf_get_netns_cookie(0)) & 1;
}
