/* lsm/file_open returning the previous hook's value (its last context
 * argument): 6.12 knows it is in [-4095, 0], so returning it is fine. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm/file_open")
int BPF_PROG(tr_lsm_retval, void *file, int ret)
{
	return ret;
}

char LICENSE[] SEC("license") = "GPL";
