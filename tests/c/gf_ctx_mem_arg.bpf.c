/* A global function's pointer argument is memory the function may read
 * and write (check_mem_reg(): a BPF_READ look, then a BPF_WRITE one). A
 * context handed to it is checked as that memory: its last byte read and
 * written as the program would, where the program type has no
 * convert_ctx_access. A raw tracepoint's or a kprobe's context may not be
 * written ("invalid bpf_context access off=15 size=1", then "Caller passes
 * invalid args into func#1"); a syscall program's may. Found by 6.12's
 * dynptr_fail.c test_dynptr_reg_type built against 6.1's vmlinux.h. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct pair {
	__u64 a, b;
};

__attribute__((noinline)) int gf_sum(struct pair *p)
{
	if (!p)
		return 0;
	return p->a + p->b;
}

SEC("raw_tp/sys_enter")
int gf_raw_tp_ctx(void *ctx)
{
	return gf_sum(ctx);
}

SEC("kprobe/do_nanosleep")
int gf_kprobe_ctx(struct pt_regs *ctx)
{
	return gf_sum((struct pair *)ctx);
}

SEC("syscall")
int gf_syscall_ctx(void *ctx)
{
	return gf_sum(ctx);
}

SEC("raw_tp/sys_enter")
int gf_raw_tp_stack(void *ctx)
{
	struct pair p = { 1, 2 };

	return gf_sum(&p);
}

char LICENSE[] SEC("license") = "GPL";
