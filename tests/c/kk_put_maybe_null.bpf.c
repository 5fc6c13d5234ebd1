/* bpf_key_put on the result of bpf_lookup_system_key without the NULL
 * check: the argument may be NULL. Rejected by both kernels, in their own
 * words. */
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

SEC("fentry/do_nanosleep")
int BPF_PROG(kk_put_maybe_null)
{
	struct bpf_key *key = bpf_lookup_system_key(0);

	bpf_key_put(key);
	return 0;
}
