/* fmod_ret on do_nanosleep: Debian's kernels have no error injection
 * list, so only security_* functions may have their return modified.
 * Refused at load. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fmod_ret/do_nanosleep")
int BPF_PROG(tr_fmod_ret_denied, void *t, int mode, int ret)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
