/* bpf_get_current_task_btf() in fentry: a trusted task_struct pointer;
 * its tgid read directly. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct task_struct {
	int tgid;
} __attribute__((preserve_access_index));

int tgid;

SEC("fentry/do_nanosleep")
int tr_current_task_btf(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();

	tgid = t->tgid;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
