/* fentry on do_nanosleep(struct hrtimer_sleeper *t, enum hrtimer_mode):
 * the context is the arguments as u64s, typed by the kernel's BTF: t is a
 * BTF pointer (ptr_hrtimer_sleeper), walked to t->task->pid by direct
 * loads (CO-RE offsets). Returns 0, as fentry must. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct task_struct {
	int pid;
} __attribute__((preserve_access_index));

struct hrtimer_sleeper {
	struct task_struct *task;
} __attribute__((preserve_access_index));

int seen;

SEC("fentry/do_nanosleep")
int BPF_PROG(tr_fentry_ok, struct hrtimer_sleeper *t, int mode)
{
	struct task_struct *task = t->task;

	seen = task->pid + mode;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
