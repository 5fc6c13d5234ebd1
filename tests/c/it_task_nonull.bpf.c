/* iter/task reading ctx->task->pid without the NULL check: the task is
 * NULL on the last call, so the read is refused. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

int last;

SEC("iter/task")
int it_task_nonull(struct bpf_iter__task *ctx)
{
	last = ctx->task->pid;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
