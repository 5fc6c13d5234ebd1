/* The key bpf_lookup_user_key returns is a reference: not putting it back
 * is a leak at the program's exit. Rejected by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "key_kfuncs.h"

char LICENSE[] SEC("license") = "GPL";

SEC("lsm.s/bpf")
int BPF_PROG(kk_user_key_leak, int cmd, union bpf_attr *attr, unsigned int size)
{
	struct bpf_key *key = bpf_lookup_user_key(1, 0);

	return key ? 0 : 0;
}
