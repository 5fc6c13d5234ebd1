/* fexit and fmod_ret on functions that never return. 6.12 refuses them
 * when it checks the attach target (check_attach_btf_id(): the
 * noreturn_deny set: do_exit, do_group_exit, make_task_dead, ...); 6.1
 * has no such list. fentry on the same function is fine on both. Both
 * kernels refuse any trampoline on migrate_disable/migrate_enable
 * (btf_id_deny, CONFIG_SMP), and 6.12.118 __rcu_read_lock/unlock too
 * (CONFIG_PREEMPT_RCU), with EINVAL and no message. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 codes;

SEC("fexit/do_exit")
int BPF_PROG(fexit_do_exit, long code)
{
	codes += code;
	return 0;
}

SEC("fentry/do_exit")
int BPF_PROG(fentry_do_exit, long code)
{
	codes += code;
	return 0;
}

SEC("fexit/do_group_exit")
int BPF_PROG(fexit_do_group_exit, int code)
{
	codes += code;
	return 0;
}

SEC("fexit/make_task_dead")
int BPF_PROG(fexit_make_task_dead, int signr)
{
	codes += signr;
	return 0;
}

SEC("fexit/do_nanosleep")
int BPF_PROG(fexit_do_nanosleep)
{
	return 0;
}

SEC("fentry/migrate_disable")
int BPF_PROG(fentry_migrate_disable)
{
	codes++;
	return 0;
}

SEC("fexit/migrate_enable")
int BPF_PROG(fexit_migrate_enable)
{
	codes++;
	return 0;
}

SEC("fentry/__rcu_read_lock")
int BPF_PROG(fentry_rcu_read_lock)
{
	codes++;
	return 0;
}

SEC("fexit/__x64_sys_exit")
int BPF_PROG(fexit_x64_sys_exit)
{
	codes++;
	return 0;
}

SEC("fentry/__x64_sys_exit")
int BPF_PROG(fentry_x64_sys_exit)
{
	codes++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
