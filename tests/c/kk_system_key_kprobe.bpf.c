/* The key kfuncs are registered for tracing programs (and LSM): a kprobe
 * may not call them. Rejected by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "key_kfuncs.h"

char LICENSE[] SEC("license") = "GPL";

SEC("kprobe/do_nanosleep")
int kk_system_key_kprobe(struct pt_regs *ctx)
{
	struct bpf_key *key = bpf_lookup_system_key(0);

	if (key)
		bpf_key_put(key);
	return 0;
}
