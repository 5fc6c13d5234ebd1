/* The key kfuncs are registered for tracing programs (and LSM): a kprobe
 * may not call them. Rejected by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct bpf_key *bpf_lookup_user_key(__u32 serial, __u64 flags) __ksym;
extern struct bpf_key *bpf_lookup_system_key(__u64 id) __ksym;
extern void bpf_key_put(struct bpf_key *key) __ksym;
extern int bpf_verify_pkcs7_signature(struct bpf_dynptr *data_ptr,
				      struct bpf_dynptr *sig_ptr,
				      struct bpf_key *trusted_keyring) __ksym;

char LICENSE[] SEC("license") = "GPL";

SEC("kprobe/do_nanosleep")
int kk_system_key_kprobe(struct pt_regs *ctx)
{
	struct bpf_key *key = bpf_lookup_system_key(0);

	if (key)
		bpf_key_put(key);
	return 0;
}
