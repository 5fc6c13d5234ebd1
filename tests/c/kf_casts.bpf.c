/* Linux 6.12's casts (common kfuncs): bpf_cast_to_kern_ctx gives the
 * context as the kernel's own struct (a trusted struct sk_buff for tc, a
 * struct xdp_buff for XDP), only from the context itself; bpf_rdonly_cast
 * gives any pointer as an untrusted kernel struct named by a constant BTF
 * id (CO-RE's bpf_core_type_id_kernel), which must be a struct. 6.1 has
 * neither (libbpf poisons their calls). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __weak;
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

char _license[] SEC("license") = "GPL";

SEC("tc")
int kc_skb_len(struct __sk_buff *ctx)
{
	struct sk_buff *skb = bpf_cast_to_kern_ctx(ctx);

	return skb->len > 100;
}

SEC("xdp")
int kc_xdp_frame(struct xdp_md *ctx)
{
	struct xdp_buff *x = bpf_cast_to_kern_ctx(ctx);

	return x->frame_sz > 4096 ? XDP_DROP : XDP_PASS;
}

SEC("tc")
int kc_not_ctx(struct __sk_buff *ctx)
{
	__u64 local = 0;
	struct sk_buff *skb = bpf_cast_to_kern_ctx(&local);

	return skb->len > 100;
}

SEC("tc")
int kc_write_kern(struct __sk_buff *ctx)
{
	struct sk_buff *skb = bpf_cast_to_kern_ctx(ctx);

	skb->mark = 1;
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kc_rdonly_read, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_rdonly_cast(task->real_parent,
						bpf_core_type_id_kernel(struct task_struct));

	return t->pid;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kc_rdonly_acquire, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_rdonly_cast(task->real_parent,
						bpf_core_type_id_kernel(struct task_struct));

	t = bpf_task_acquire(t);
	if (t)
		bpf_task_release(t);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kc_rdonly_int, struct task_struct *task, u64 clone_flags)
{
	int *p = bpf_rdonly_cast(task, bpf_core_type_id_kernel(int));

	return p != 0;
}
