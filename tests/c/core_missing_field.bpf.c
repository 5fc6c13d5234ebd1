/* CO-RE: a field no kernel has, read without a guard. libbpf finds no
 * match and poisons the instruction (call unknown#195896080, "bad relo");
 * the walk reaches it: rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_struct___x {
	int no_such_field;
} __attribute__((preserve_access_index));

SEC("kprobe/do_nanosleep")
int core_missing_field(void *ctx)
{
	struct task_struct___x *t = (void *)bpf_get_current_task();

	return BPF_CORE_READ(t, no_such_field);
}

char LICENSE[] SEC("license") = "GPL";
