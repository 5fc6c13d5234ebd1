/* fmod_ret on a function in no fmod_ret set and not security_*: both
 * kernels refuse it ("bpf_fentry_test2() is not modifiable"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fmod_ret/bpf_fentry_test2")
int BPF_PROG(fr_fmod_ret_other, int a, __u64 b, int ret)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
