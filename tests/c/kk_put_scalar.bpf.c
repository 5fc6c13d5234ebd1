/* bpf_key_put given a number, not a key. Rejected by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "key_kfuncs.h"

char LICENSE[] SEC("license") = "GPL";

SEC("fentry/do_nanosleep")
int BPF_PROG(kk_put_scalar)
{
	bpf_key_put((struct bpf_key *)8);
	return 0;
}
