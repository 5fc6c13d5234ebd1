// A static subprogram that calls itself (the store after the call keeps clang from
// turning it into a loop). Rejected by the CFG check: back-edge from insn 21 to 9.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
static __noinline int f(volatile int *p, int x) {
  if (x > *p) return 0;
  int r = f(p, x + 1);
  *p = r;
  return r + 1;
}
SEC("tc") int t(struct __sk_buff *skb) { volatile int lim = skb->mark & 3; return f(&lim, 0) & 1; }
