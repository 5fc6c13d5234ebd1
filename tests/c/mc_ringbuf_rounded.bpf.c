/* A ring buffer of 5000 bytes: libbpf rounds its size up to 8192 (a
 * power-of-2 number of pages, adjust_ringbuf_sz) before creating it, so the
 * object loads; a record is reserved and submitted. Accepted by both
 * kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 5000);
} mc_rb SEC(".maps");

SEC("tp/syscalls/sys_enter_getpid")
int mc_ringbuf_rounded(void *ctx)
{
	__u64 *v = bpf_ringbuf_reserve(&mc_rb, sizeof(*v), 0);

	if (!v)
		return 0;
	*v = bpf_get_current_pid_tgid();
	bpf_ringbuf_submit(v, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
