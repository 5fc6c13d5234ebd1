/* A sleepable LSM program on a void hook hashes the executable's inode
 * with bpf_ima_inode_hash (allowed on hooks that may sleep) and returns
 * nothing: check_return_code() asks nothing of R0 for a void hook.
 * Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 ima_hash;

SEC("lsm.s/bprm_committed_creds")
void BPF_PROG(ls_ima_inode_hash, struct linux_binprm *bprm)
{
	__u64 h = 0;

	if (bpf_ima_inode_hash(bprm->file->f_inode, &h, sizeof(h)) > 0)
		ima_hash = h;
}

char LICENSE[] SEC("license") = "GPL";
