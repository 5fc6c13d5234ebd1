/* bpf_ima_inode_hash's .allowed asks for a hook that may sleep; inode_link
 * is not one: "helper call is not allowed in probe" on both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm/inode_link")
int BPF_PROG(ls_ima_hook_not_sleepable, struct dentry *old_dentry,
	     struct inode *dir, struct dentry *new_dentry)
{
	__u64 h = 0;

	bpf_ima_inode_hash(dir, &h, sizeof(h));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
