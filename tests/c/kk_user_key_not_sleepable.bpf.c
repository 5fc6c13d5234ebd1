/* bpf_lookup_user_key is KF_SLEEPABLE: Linux 6.12 refuses it in a program
 * that may not sleep; Linux 6.1 has the flag but does not check it. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "key_kfuncs.h"

char LICENSE[] SEC("license") = "GPL";

SEC("fentry/do_nanosleep")
int BPF_PROG(kk_user_key_not_sleepable)
{
	struct bpf_key *key = bpf_lookup_user_key(1, 0);

	if (key)
		bpf_key_put(key);
	return 0;
}
