/* %s must be followed by the end, a space or a punctuation mark: "%sx" is
 * "Invalid format string" on both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char out[64];

SEC("raw_tp/sys_enter")
int sn_string_then_letter(void *ctx)
{
	static const char fmt[] = "name %sx";
	__u64 data[1] = { (__u64)"a" };

	bpf_snprintf(out, sizeof(out), fmt, data, sizeof(data));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
