/* uprobe.s (sleepable uprobe on a libc function): bpf_copy_from_user of
 * the first argument's bytes. Accepted. */
#define __TARGET_ARCH_x86
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char buf[16];

SEC("uprobe.s//usr/lib/x86_64-linux-gnu/libc.so.6:puts")
int BPF_KPROBE(sl_uprobe_copy, const char *s)
{
	bpf_copy_from_user(buf, sizeof(buf), s);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
