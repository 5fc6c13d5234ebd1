/* A strong untyped __ksym extern that /proc/kallsyms lacks: libbpf fails
 * the whole object after reading kallsyms (bpf_object__resolve_externs():
 * "extern 'veristep_no_such_symbol' (strong): not resolved", ESRCH); the
 * verifier never runs. Both kernels. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern const void veristep_no_such_symbol __ksym;
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  return (unsigned long)&veristep_no_such_symbol > 1;
}
