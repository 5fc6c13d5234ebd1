// kprobe: bpf_get_stackid into a stack trace map and bpf_get_stack into a stack buffer.
// Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_STACK_TRACE); __uint(max_entries, 16); __uint(key_size, 4); __uint(value_size, 8 * 8); } sm SEC(".maps");
SEC("kprobe/do_nanosleep") int k(struct pt_regs *ctx) {
  __u64 buf[8];
  long id = bpf_get_stackid(ctx, &sm, 0);
  long n = bpf_get_stack(ctx, buf, sizeof(buf), BPF_F_USER_STACK);
  return (id + n) & 1;
}
