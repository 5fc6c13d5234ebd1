/* An object with both a .kconfig extern and an untyped __ksym (as the
 * selftests' get_func_ip_test): the kconfig map holds the first, libbpf
 * resolves the second to the kernel symbol's address. Accepted by both. */
#include "vmlinux.h"
#include <stdbool.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern bool CONFIG_X86_KERNEL_IBT __kconfig __weak;
extern const void bpf_fentry_test1 __ksym;

__u64 result;

SEC("fentry/bpf_fentry_test1")
int BPF_PROG(ksym_untyped_kconfig, int a)
{
	__u64 addr = bpf_get_func_ip(ctx);

	if (CONFIG_X86_KERNEL_IBT)
		addr -= 4;
	result = (const void *)addr == &bpf_fentry_test1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
