/* Two conversions and one u64 of data: "Invalid format string" on both
 * kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char out[64];

SEC("raw_tp/sys_enter")
int sn_too_few_args(void *ctx)
{
	static const char fmt[] = "%d and %d";
	__u64 data[1] = { 1 };

	bpf_snprintf(out, sizeof(out), fmt, data, sizeof(data));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
