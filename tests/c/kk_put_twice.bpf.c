/* Putting the same key back twice: the second release finds no reference.
 * Rejected by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "key_kfuncs.h"

char LICENSE[] SEC("license") = "GPL";

SEC("fentry/do_nanosleep")
int BPF_PROG(kk_put_twice)
{
	struct bpf_key *key = bpf_lookup_system_key(0);

	if (!key)
		return 0;
	bpf_key_put(key);
	bpf_key_put(key);
	return 0;
}
