/* kprobe with a non-GPL license calling bpf_probe_read_kernel (GPL-only).
 * Rejected: "cannot call GPL-restricted function from non-GPL compatible program". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("kprobe/do_nanosleep")
int kprobe_gpl_only(struct pt_regs *ctx)
{
	__u64 val = 0;
	void *src = *(void **)((char *)ctx + 112);

	bpf_probe_read_kernel(&val, sizeof(val), src);
	return val == 0;
}

char LICENSE[] SEC("license") = "Proprietary";
