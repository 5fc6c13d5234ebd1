// tc: data and data_end passed to a static subprogram that bounds-checks and reads a byte.
// Accepted: the callee sees the caller's packet pointers and checks them itself.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
static __noinline int rd(void *d, void *e) { if (d + 2 > e) return 0; return *(__u8 *)(d + 1); }
SEC("tc") int t(struct __sk_buff *skb) {
  return rd((void *)(long)skb->data, (void *)(long)skb->data_end) & 1;
}
