/* kprobe reading 8 bytes of kernel memory with bpf_probe_read_kernel into a stack slot.
 * Accepted: the destination is a valid stack buffer of the given constant size. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("kprobe/do_nanosleep")
int kprobe_probe_read(struct pt_regs *ctx)
{
	__u64 val = 0;
	void *src = *(void **)((char *)ctx + 112); /* di on x86_64 */

	bpf_probe_read_kernel(&val, sizeof(val), src);
	return val == 0;
}

char LICENSE[] SEC("license") = "GPL";
