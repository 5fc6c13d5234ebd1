// bpf_copy_from_user_str() (6.12's common kfuncs, KF_SLEEPABLE): a
// sleepable uprobe may call it with a stack buffer and its size; a
// non-sleepable one may not; a size past the buffer is refused. 6.1 has no
// such kfunc: the __weak extern is left unresolved and its call poisoned.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

extern int bpf_copy_from_user_str(void *dst, __u32 dst__sz, const void *unsafe_ptr__ign,
				  __u64 flags) __ksym __weak;

SEC("uprobe.s")
int sleepable_ok(void *ctx)
{
	char buf[16];

	return bpf_copy_from_user_str(buf, sizeof(buf), (void *)0x1000, 0);
}

SEC("uprobe")
int not_sleepable(void *ctx)
{
	char buf[16];

	return bpf_copy_from_user_str(buf, sizeof(buf), (void *)0x1000, 0);
}

SEC("uprobe.s")
int size_past_buffer(void *ctx)
{
	char buf[16];
	volatile __u32 n = 32;

	return bpf_copy_from_user_str(buf, n & 31, (void *)0x1000, 0);
}

char _license[] SEC("license") = "GPL";
