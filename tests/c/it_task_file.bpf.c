/* iter/task_file: the fd and the file's f_flags of each open file.
 * Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("iter/task_file")
int it_task_file(struct bpf_iter__task_file *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct file *file = ctx->file;
	struct task_struct *task = ctx->task;

	if (!task || !file)
		return 0;
	BPF_SEQ_PRINTF(seq, "%d %u %x\n", task->pid, ctx->fd, file->f_flags);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
