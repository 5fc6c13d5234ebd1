/* A bool CONFIG_* extern for an option built as a module (NF_CONNTRACK=m):
 * libbpf refuses the value ("value 'm' implies tristate or char type") and
 * the load fails before the verifier. */
#include <stdbool.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern bool CONFIG_NF_CONNTRACK __kconfig;
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  return CONFIG_NF_CONNTRACK;
}
