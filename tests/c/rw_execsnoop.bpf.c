/* Real-world style (libbpf-tools' execsnoop): the execve tracepoint's
 * argv walked in a bounded loop with bpf_probe_read_user and
 * bpf_probe_read_user_str into a per-CPU scratch event, ppid by
 * BPF_CORE_READ. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define ARGSIZE 128
#define TOTAL_MAX_ARGS 60
#define DEFAULT_MAXARGS 20
#define FULL_MAX_ARGS_ARR (TOTAL_MAX_ARGS * ARGSIZE)
#define LAST_ARG (FULL_MAX_ARGS_ARR - ARGSIZE)

struct event { pid_t pid; pid_t ppid; uid_t uid; int retval; int args_count; unsigned int args_size; char comm[16]; char args[FULL_MAX_ARGS_ARR]; };

const volatile int max_args = DEFAULT_MAXARGS;
static const struct event empty_event = {};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, pid_t);
	__type(value, struct event);
} execs SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int tracepoint__syscalls__sys_enter_execve(struct trace_event_raw_sys_enter *ctx)
{
	u64 id;
	pid_t pid;
	struct event *event;
	struct task_struct *task;
	unsigned int ret;
	const char **args = (const char **)(ctx->args[1]);
	const char *argp;
	int i;

	id = bpf_get_current_pid_tgid();
	pid = (pid_t)id;
	if (bpf_map_update_elem(&execs, &pid, &empty_event, BPF_NOEXIST))
		return 0;
	event = bpf_map_lookup_elem(&execs, &pid);
	if (!event)
		return 0;
	event->pid = id >> 32;
	task = (struct task_struct *)bpf_get_current_task();
	event->ppid = (pid_t)BPF_CORE_READ(task, real_parent, tgid);
	event->args_count = 0;
	event->args_size = 0;

	ret = bpf_probe_read_user_str(event->args, ARGSIZE, (const char *)ctx->args[0]);
	if (ret <= ARGSIZE) {
		event->args_size += ret;
	} else {
		event->args[0] = '\0';
		event->args_size++;
	}
	event->args_count++;
#pragma unroll
	for (i = 1; i < TOTAL_MAX_ARGS && i < max_args; i++) {
		bpf_probe_read_user(&argp, sizeof(argp), &args[i]);
		if (!argp)
			return 0;
		if (event->args_size > LAST_ARG)
			return 0;
		ret = bpf_probe_read_user_str(&event->args[event->args_size], ARGSIZE, argp);
		if (ret > ARGSIZE)
			return 0;
		event->args_count++;
		event->args_size += ret;
	}
	bpf_probe_read_user(&argp, sizeof(argp), &args[max_args]);
	if (!argp)
		return 0;
	event->args_count++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
