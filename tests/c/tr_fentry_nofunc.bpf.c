/* fentry on a function the kernel does not have: libbpf cannot find its
 * BTF id, the program does not load. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("fentry/no_such_function_veristep")
int tr_fentry_nofunc(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
