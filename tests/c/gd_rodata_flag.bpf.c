/* Global data: a `const volatile` setting in .rodata (frozen by libbpf, so
 * the verifier reads it as the constant 0 and the branch behind it is dead:
 * its out-of-bounds stack read is never walked), a counter in .data and a
 * buffer in .bss, and bpf_printk with its format in .rodata. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

const volatile int debug_level = 0;
__u64 packets = 0;
__u32 seen[8];

SEC("tc")
int gd_rodata_flag(struct __sk_buff *skb)
{
	__u32 i = skb->mark & 7;

	packets++;
	seen[i] = skb->len;
	if (debug_level > 1) {
		volatile char buf[8];
		/* dead: never walked, although out of bounds */
		return buf[i + 64];
	}
	bpf_printk("len %u", skb->len);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
