/* bpf_ima_file_hash may sleep: a program that is not sleepable, on a hook
 * that may sleep, is refused with "helper call might sleep in a
 * non-sleepable prog" by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm/bprm_committed_creds")
void BPF_PROG(ls_ima_not_sleepable, struct linux_binprm *bprm)
{
	__u64 h = 0;

	bpf_ima_file_hash(bprm->file, &h, sizeof(h));
}

char LICENSE[] SEC("license") = "GPL";
