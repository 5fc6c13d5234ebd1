/* A program whose licence is not GPL-compatible may call no kernel
 * function at all: add_kfunc_call() refuses the first kfunc call it
 * meets, before the walk ("cannot call kernel function from non-GPL
 * compatible program"), whether the walk would reach it or not. Helpers
 * that are not GPL-only stay allowed. 6.1 has no bpf_rcu_read_lock
 * (libbpf poisons the weak call, which is then an unknown helper). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

char _license[] SEC("license") = "MIT";

/* frozen .rodata: the verifier knows the call below is never reached */
const volatile int use_rcu = 0;

SEC("tp_btf/task_newtask")
int BPF_PROG(kfunc_call, struct task_struct *task, u64 clone_flags)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kfunc_call_never_reached, struct task_struct *task, u64 clone_flags)
{
	if (use_rcu) {
		bpf_rcu_read_lock();
		bpf_rcu_read_unlock();
	}
	return 0;
}

SEC("tp")
int helpers_only(void *ctx)
{
	return bpf_get_smp_processor_id() & 1;
}
