/* lsm/file_open(struct file *file): an LSM program reads file->f_flags
 * through its BTF pointer and may return an error. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct file {
	unsigned int f_flags;
} __attribute__((preserve_access_index));

SEC("lsm/file_open")
int BPF_PROG(tr_lsm_file_open, struct file *file)
{
	if (file->f_flags & 1)
		return -1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
