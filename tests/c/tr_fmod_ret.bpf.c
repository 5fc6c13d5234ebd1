/* fmod_ret on security_file_open: may return any value (a non-zero one
 * replaces the function's). Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fmod_ret/security_file_open")
int BPF_PROG(tr_fmod_ret, void *file, int ret)
{
	return ret ? ret : 0;
}

char LICENSE[] SEC("license") = "GPL";
