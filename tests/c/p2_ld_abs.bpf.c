// A socket filter using a legacy BPF_LD_ABS byte load (llvm.bpf.load.byte). Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
SEC("socket") int s(struct __sk_buff *skb) { return load_byte(skb, 23) == 6 ? -1 : 0; }
