/* bpf_bprm_opts_set on the linux_binprm an exec hook is given: mark the
 * exec secure. Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm/bprm_creds_for_exec")
int BPF_PROG(ls_bprm_opts, struct linux_binprm *bprm)
{
	bpf_bprm_opts_set(bprm, BPF_F_BPRM_SECUREEXEC);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
