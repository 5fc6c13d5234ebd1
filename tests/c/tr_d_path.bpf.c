/* bpf_d_path in fentry/vfs_getattr (on the d_path allowlist): the path's
 * name into a stack buffer. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

int len;

SEC("fentry/vfs_getattr")
int BPF_PROG(tr_d_path, const struct path *path)
{
	char buf[64];

	len = bpf_d_path((struct path *)path, buf, sizeof(buf));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
