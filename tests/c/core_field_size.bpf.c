/* CO-RE: bpf_core_field_size(task->comm) relocated to the kernel's 16
 * indexes a 16-byte stack buffer at size - 1. Accepted; compiled against
 * a local comm[64], the unrelocated index (63) would be out of bounds. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_struct {
	char comm[64];
} __attribute__((preserve_access_index));

SEC("kprobe/do_nanosleep")
int core_field_size(void *ctx)
{
	struct task_struct *t = (void *)bpf_get_current_task();
	char buf[16] = {};
	__u32 n = bpf_core_field_size(t->comm);

	bpf_probe_read_kernel(buf, sizeof(buf), &t->comm);
	return buf[n - 1];
}

char LICENSE[] SEC("license") = "GPL";
