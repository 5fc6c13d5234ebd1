/* A CONFIG_* extern the kernel's configuration does not set, not __weak:
 * libbpf fails the load before the verifier ("extern ... (strong): not
 * resolved"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern int CONFIG_VERISTEP_NOT_THERE __kconfig;
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  return CONFIG_VERISTEP_NOT_THERE;
}
