/* bpf_copy_from_user in a non-sleepable fentry: not offered. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fentry/__x64_sys_getpgid")
int BPF_PROG(sl_copy_not_sleepable, struct pt_regs *regs)
{
	u64 v = 0;

	bpf_copy_from_user(&v, sizeof(v), (void *)0x1000);
	return v == 0 ? 0 : 0;
}

char LICENSE[] SEC("license") = "GPL";
