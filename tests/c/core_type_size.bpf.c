/* CO-RE: type-based relocations: bpf_core_type_exists of a struct the
 * kernels have and one they do not, and bpf_core_type_size of
 * task_struct (9792 on both kernels), used to pick a branch: the size
 * test is decided, the stack read behind it is dead. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_struct {
	int pid;
} __attribute__((preserve_access_index));

struct no_such_struct {
	int x;
};

SEC("kprobe/do_nanosleep")
int core_type_size(void *ctx)
{
	volatile int slot[2];

	if (bpf_core_type_exists(struct no_such_struct))
		return slot[0];
	if (!bpf_core_type_exists(struct task_struct))
		return slot[1];
	if (bpf_core_type_size(struct task_struct) < 4096)
		return slot[0];
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
