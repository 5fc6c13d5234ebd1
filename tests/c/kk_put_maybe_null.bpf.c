/* bpf_key_put on the result of bpf_lookup_system_key without the NULL
 * check: the argument may be NULL. Rejected by both kernels, in their own
 * words. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "key_kfuncs.h"

char LICENSE[] SEC("license") = "GPL";

SEC("fentry/do_nanosleep")
int BPF_PROG(kk_put_maybe_null)
{
	struct bpf_key *key = bpf_lookup_system_key(0);

	bpf_key_put(key);
	return 0;
}
