/* bpf_lookup_user_key (KF_ACQUIRE | KF_RET_NULL | KF_SLEEPABLE) from a
 * sleepable LSM hook, checked against NULL and put back (KF_RELEASE).
 * Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "key_kfuncs.h"

char LICENSE[] SEC("license") = "GPL";

SEC("lsm.s/bpf")
int BPF_PROG(kk_user_key_ok, int cmd, union bpf_attr *attr, unsigned int size)
{
	struct bpf_key *key = bpf_lookup_user_key(1, 0);

	if (!key)
		return 0;
	bpf_key_put(key);
	return 0;
}
