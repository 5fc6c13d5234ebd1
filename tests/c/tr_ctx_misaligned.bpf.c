/* fentry reading 4 bytes at context offset 4: not a multiple of 8. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

long v;

SEC("fentry/do_nanosleep")
int tr_ctx_misaligned(void *ctx)
{
	v = *(volatile int *)((char *)ctx + 4);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
