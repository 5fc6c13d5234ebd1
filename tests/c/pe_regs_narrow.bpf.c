/* perf_event: the pt_regs part of struct bpf_perf_event_data is read in
 * whole longs only; a 4-byte read of a register is refused
 * ("invalid bpf_context access off=0 size=4"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("perf_event") int pe_regs_narrow(void *ctx) {
  return *(volatile __u32 *)ctx & 1;
}
