/* fentry with bpf_get_func_ip, bpf_get_current_pid_tgid and
 * bpf_ringbuf_output of a stack record. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

SEC("fentry/do_nanosleep")
int BPF_PROG(tr_fentry_get_func_ip, void *t)
{
	__u64 rec[2];

	rec[0] = bpf_get_func_ip(ctx);
	rec[1] = bpf_get_current_pid_tgid();
	bpf_ringbuf_output(&rb, rec, sizeof(rec), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
