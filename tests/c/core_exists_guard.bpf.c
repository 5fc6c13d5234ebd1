/* CO-RE: the same missing field behind bpf_core_field_exists, which
 * libbpf relocates to 0: the poisoned read is dead code, never walked.
 * Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_struct___x {
	int no_such_field;
	int pid;
} __attribute__((preserve_access_index));

SEC("kprobe/do_nanosleep")
int core_exists_guard(void *ctx)
{
	struct task_struct___x *t = (void *)bpf_get_current_task();

	if (bpf_core_field_exists(t->no_such_field))
		return BPF_CORE_READ(t, no_such_field);
	return BPF_CORE_READ(t, pid);
}

char LICENSE[] SEC("license") = "GPL";
