/* fentry.s on __x64_sys_getpgid: Debian builds no error injection list, so
 * no fentry may sleep. Refused at load. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

u64 word;

SEC("fentry.s/__x64_sys_getpgid")
int BPF_PROG(sl_fentry_copy, struct pt_regs *regs)
{
	u64 v = 0;

	bpf_copy_from_user(&v, sizeof(v), (void *)0x1000);
	word = v;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
