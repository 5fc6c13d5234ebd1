/* Real-world style (LSM examples): lsm/bprm_check_security reading the
 * binary's file name length through linux_binprm and a deny flag; the
 * hook returns -EPERM or 0. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

const volatile int deny_all = 0;
u64 checked = 0;

SEC("lsm/bprm_check_security")
int BPF_PROG(check_exec, struct linux_binprm *bprm, int ret)
{
	if (ret != 0)
		return ret;
	__sync_fetch_and_add(&checked, 1);
	if (deny_all && bprm->file)
		return -1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
