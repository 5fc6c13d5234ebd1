/* Real-world style (libbpf-tools' profile): a perf_event program
 * counting stacks: bpf_get_stackid into a stack trace map, a hash of
 * counts keyed by (pid, kernel and user stack ids, comm). Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct key_t { u32 pid; int user_stack_id; int kern_stack_id; char name[16]; };

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__type(key, u32);
	__uint(value_size, 127 * sizeof(u64));
	__uint(max_entries, 1024);
} stackmap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, struct key_t);
	__type(value, u64);
	__uint(max_entries, 1024);
} counts SEC(".maps");

const volatile bool kernel_stacks_only = false;

SEC("perf_event")
int do_perf_event(struct bpf_perf_event_data *ctx)
{
	u64 *valp;
	static const u64 zero;
	struct key_t key = {};
	u64 id = bpf_get_current_pid_tgid();
	u32 pid = id >> 32;

	if (!pid)
		return 0;
	key.pid = pid;
	bpf_get_current_comm(&key.name, sizeof(key.name));
	key.kern_stack_id = bpf_get_stackid(&ctx->regs, &stackmap, 0);
	if (kernel_stacks_only)
		key.user_stack_id = -1;
	else
		key.user_stack_id = bpf_get_stackid(&ctx->regs, &stackmap, BPF_F_USER_STACK);
	valp = bpf_map_lookup_elem(&counts, &key);
	if (!valp) {
		bpf_map_update_elem(&counts, &key, &zero, BPF_NOEXIST);
		valp = bpf_map_lookup_elem(&counts, &key);
		if (!valp)
			return 0;
	}
	__sync_fetch_and_add(valp, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
