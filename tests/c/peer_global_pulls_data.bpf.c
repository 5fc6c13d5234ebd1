// A global function that calls bpf_skb_pull_data() may move the packet.
// 6.12 (changes_pkt_data, merged up the call graph) clears the caller's
// packet pointers after the call, so the write through p is refused
// ("invalid mem access 'scalar'"); 6.1 verifies global functions apart and
// keeps the pointer: accepted there.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
__noinline int pull(struct __sk_buff *sk, __u32 len) {
  return bpf_skb_pull_data(sk, len);
}
__noinline int pull_outer(struct __sk_buff *sk, __u32 len) {
  return pull(sk, len) + 1;
}
SEC("tc") int global_pull(struct __sk_buff *sk) {
  int *p = (void *)(long)sk->data;
  if ((void *)(p + 1) > (void *)(long)sk->data_end)
    return 2;
  pull_outer(sk, 0);
  *p = 42;
  return 0;
}
