/* lsm.s/file_open (a sleepable hook): the inode number of the file read
 * through file->f_inode, and bpf_copy_from_user of nothing. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

u64 ino;

SEC("lsm.s/file_open")
int BPF_PROG(sl_lsm_file_open, struct file *file)
{
	struct inode *inode = file->f_inode;

	ino = inode->i_ino;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
