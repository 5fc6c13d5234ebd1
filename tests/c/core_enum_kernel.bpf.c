/* CO-RE: enum values of the running kernel. BPF_MAP_TYPE_ARENA exists
 * in 6.12 (33) and not in 6.1: bpf_core_enum_value_exists is 1 on 6.12
 * and 0 on 6.1, so 6.12 walks the branch that reads an uninitialised
 * stack slot and rejects, 6.1 accepts. BPF_FUNC_loop's value (181) is
 * relocated too. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

enum bpf_map_type___new {
	BPF_MAP_TYPE_ARENA___new = 99,
};

enum bpf_func_id___x {
	BPF_FUNC_loop___x = 1,
};

SEC("kprobe/do_nanosleep")
int core_enum_kernel(void *ctx)
{
	volatile int slot[4];
	int v = bpf_core_enum_value(enum bpf_func_id___x, BPF_FUNC_loop___x);

	if (v != 181)
		return slot[0];
	if (bpf_core_enum_value_exists(enum bpf_map_type___new, BPF_MAP_TYPE_ARENA___new))
		return slot[1];
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
