/* %f is no conversion bpf_bprintf_prepare() knows: "Invalid format string"
 * on both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char out[64];

SEC("raw_tp/sys_enter")
int sn_float(void *ctx)
{
	static const char fmt[] = "value %f";
	__u64 data[1] = { 1 };

	bpf_snprintf(out, sizeof(out), fmt, data, sizeof(data));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
