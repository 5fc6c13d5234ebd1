/* CONFIG_* externs (.kconfig): libbpf reads them from the running kernel's
 * /boot/config-$(uname -r) and freezes the map, so each test below is a
 * known constant and the invalid stack read behind a wrong value is dead.
 * Debian's 6.1 and 6.12 agree on these: HZ=250, BPF_SYSCALL=y,
 * NF_CONNTRACK=m, NR_CPUS=8192, PHYSICAL_START=0x1000000,
 * DEFAULT_HOSTNAME="(none)". Accepted on both. */
#include <stdbool.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern int CONFIG_HZ __kconfig;
extern bool CONFIG_BPF_SYSCALL __kconfig;
extern enum libbpf_tristate CONFIG_NF_CONNTRACK __kconfig;
extern unsigned short CONFIG_NR_CPUS __kconfig;
extern unsigned long long CONFIG_PHYSICAL_START __kconfig;
extern char CONFIG_DEFAULT_HOSTNAME[4] __kconfig;
extern bool CONFIG_VERISTEP_NOT_THERE __kconfig __weak;
#define BAD() asm volatile("r0 = *(u64 *)(r10 + 8)" ::: "r0")
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  if (CONFIG_HZ != 250) BAD();
  if (!CONFIG_BPF_SYSCALL) BAD();
  if (CONFIG_NF_CONNTRACK != TRI_MODULE) BAD();
  if (CONFIG_NR_CPUS != 8192) BAD();
  if (CONFIG_PHYSICAL_START != 0x1000000) BAD();
  /* "(none)" cut to 3 bytes and a NUL */
  if (CONFIG_DEFAULT_HOSTNAME[0] != '(' || CONFIG_DEFAULT_HOSTNAME[2] != 'o' ||
      CONFIG_DEFAULT_HOSTNAME[3] != 0) BAD();
  if (CONFIG_VERISTEP_NOT_THERE) BAD();
  return 0;
}
