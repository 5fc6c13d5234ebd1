/* bpf_load_hdr_opt's buffer (ARG_PTR_TO_MEM | MEM_WRITE) is not raw memory. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_load_hdr_uninit(struct bpf_sock_ops *skops) {
  char b[8];
  return bpf_load_hdr_opt(skops, b, sizeof(b), 0) > 0;
}
