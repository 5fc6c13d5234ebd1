/* sk_reuseport/migrate reading the migrating socket after a NULL check,
 * the socket cookie of the socket, and the header copied by
 * bpf_skb_load_bytes. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_reuseport/migrate") int r(struct sk_reuseport_md *md) {
  struct bpf_sock *m = md->migrating_sk;
  __u8 h[4];
  if (bpf_skb_load_bytes(md, 0, h, 4)) return SK_DROP;
  if (m && m->state == 10 && bpf_get_socket_cookie(md->sk) && h[0]) return SK_DROP;
  return SK_PASS;
}
