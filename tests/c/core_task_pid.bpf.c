/* CO-RE: a kprobe reads the current task's pid and tgid through
 * BPF_CORE_READ of a local `struct task_struct` (preserve_access_index):
 * libbpf relocates the offsets added to the pointer against the running
 * kernel's BTF (they differ between 6.1 and 6.12). Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_struct {
	int pid;
	int tgid;
	struct task_struct *real_parent;
} __attribute__((preserve_access_index));

SEC("kprobe/do_nanosleep")
int core_task_pid(void *ctx)
{
	struct task_struct *t = (void *)bpf_get_current_task();
	int pid = BPF_CORE_READ(t, pid);
	int ppid = BPF_CORE_READ(t, real_parent, tgid);

	return pid == ppid;
}

char LICENSE[] SEC("license") = "GPL";
