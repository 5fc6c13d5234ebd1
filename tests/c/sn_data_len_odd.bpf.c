/* The data must be an array of u64: 12 bytes is refused without a message
 * (check_bpf_snprintf_call returns EINVAL), so the log ends with the size's
 * precision marks, on both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char out[64];

SEC("raw_tp/sys_enter")
int sn_data_len_odd(void *ctx)
{
	static const char fmt[] = "%d";
	__u64 data[2] = { 1, 2 };

	bpf_snprintf(out, sizeof(out), fmt, data, 12);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
