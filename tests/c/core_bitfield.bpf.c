/* CO-RE: a bitfield (task_struct's sched_reset_on_fork:1) read with
 * BPF_CORE_READ_BITFIELD_PROBED: byte offset, byte size, left and right
 * shifts relocated; the value is at most 1 and indexes a 2-byte buffer.
 * Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_struct {
	unsigned sched_reset_on_fork:1;
} __attribute__((preserve_access_index));

SEC("kprobe/do_nanosleep")
int core_bitfield(void *ctx)
{
	struct task_struct *t = (void *)bpf_get_current_task();
	char buf[2] = {1, 2};
	__u64 v = BPF_CORE_READ_BITFIELD_PROBED(t, sched_reset_on_fork);

	if (v > 1)
		return 0;
	return ((volatile char *)buf)[v];
}

char LICENSE[] SEC("license") = "GPL";
