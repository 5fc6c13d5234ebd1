/* Tracepoint program recording the current tgid in a hash map.
 * Accepted: only helpers allowed for tracing and a NULL-free update. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} tp_seen SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getpid")
int tracepoint_pid(void *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 now = bpf_ktime_get_ns();

	bpf_map_update_elem(&tp_seen, &tgid, &now, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
