/* bpf_snprintf with a format the kernel's bpf_bprintf_prepare() accepts:
 * widths and flags, %d %s %pK %llx %% %c %u and an IPv4 address, one u64
 * of data per conversion. Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char out[64];

SEC("raw_tp/sys_enter")
int sn_formats_ok(void *ctx)
{
	static const char fmt[] = "pid %d comm %s at %pK (%llx) %% %c %-5u|%pI4";
	__u64 data[7] = { 1, (__u64)"x", 0, 0xff, 'c', 7, (__u64)&out };

	bpf_snprintf(out, sizeof(out), fmt, data, sizeof(data));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
