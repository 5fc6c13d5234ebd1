/* perf_event: sample_period and addr may be read narrow (the low half of
 * addr at offset 176), and bpf_get_stackid takes the context. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 16);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, 8 * sizeof(__u64));
} stacks SEC(".maps");
char LICENSE[] SEC("license") = "GPL";
SEC("perf_event") int pe_addr_narrow(void *ctx) {
  __u32 lo = *(volatile __u32 *)(ctx + 176);
  long id = bpf_get_stackid(ctx, &stacks, 0);
  return (lo + id) & 1;
}
