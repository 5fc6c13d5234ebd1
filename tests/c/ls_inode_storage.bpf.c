/* An LSM hook keeping per-inode state in an inode storage map
 * (bpf_inode_storage_get with BPF_LOCAL_STORAGE_GET_F_CREATE, then a
 * NULL check). Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_INODE_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} inode_counts SEC(".maps");

SEC("lsm/inode_unlink")
int BPF_PROG(ls_inode_storage, struct inode *dir, struct dentry *victim)
{
	__u64 *n = bpf_inode_storage_get(&inode_counts, victim->d_inode, 0,
					 BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
