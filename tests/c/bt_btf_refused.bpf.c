/* An object whose BTF the kernel refuses: clang writes a __naked function's
 * argument without a name, and the kernel's btf_func_check() says "Invalid
 * arg#1". libbpf warns ("BTF loading error: -22 ... BTF is optional,
 * ignoring") and loads without the BTF: no program has func or line info,
 * so the logs show no source lines, and a program libbpf then refuses
 * (a section it gives no type) fails with that warning first. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

SEC("tc")
__attribute__((naked)) int bt_naked(struct __sk_buff *skb)
{
	asm volatile ("r0 = 0; exit;" ::: "memory");
}

SEC("tc")
int bt_reads_too_far(struct __sk_buff *skb)
{
	return *(volatile int *)((char *)skb + 200);
}

SEC("tc_untyped")
int bt_untyped(struct __sk_buff *skb)
{
	return 0;
}
