/* Tracepoint program reading 8 bytes at ctx offset 8192 (PERF_MAX_TRACE_SIZE).
 * Rejected: tracepoint context reads are limited to the record size
 * ("invalid bpf_context access"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_getpid")
int tracepoint_ctx_oob(void *ctx)
{
	return *(__u64 *)((char *)ctx + 8192) == 1;
}

char LICENSE[] SEC("license") = "GPL";
