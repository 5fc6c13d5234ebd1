/* Linux 6.12's cgroup references (bpf_cgroup_from_id, bpf_cgroup_acquire,
 * bpf_cgroup_release) and the fs kfuncs only LSM programs may call
 * (bpf_get_task_exe_file, bpf_put_file, bpf_path_d_path: KF_TRUSTED_ARGS,
 * a buffer and its `__sz` length). 6.1 has none of them (libbpf poisons
 * their calls). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct cgroup *bpf_cgroup_from_id(u64 cgid) __ksym __weak;
extern struct cgroup *bpf_cgroup_acquire(struct cgroup *cgrp) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;
extern struct file *bpf_get_task_exe_file(struct task_struct *task) __ksym __weak;
extern void bpf_put_file(struct file *file) __ksym __weak;
extern int bpf_path_d_path(struct path *path, char *buf, size_t buf__sz) __ksym __weak;

char _license[] SEC("license") = "GPL";

SEC("tp_btf/task_newtask")
int BPF_PROG(cg_from_id, struct task_struct *task, u64 clone_flags)
{
	struct cgroup *c = bpf_cgroup_from_id(1), *d;

	if (!c)
		return 0;
	d = bpf_cgroup_acquire(c);
	if (d)
		bpf_cgroup_release(d);
	bpf_cgroup_release(c);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(cg_acquire_dfl, struct task_struct *task, u64 clone_flags)
{
	struct cgroup *c = bpf_cgroup_acquire(task->cgroups->dfl_cgrp);

	if (c)
		bpf_cgroup_release(c);
	return 0;
}

SEC("cgroup_skb/egress")
int cg_from_id_skb(struct __sk_buff *skb)
{
	struct cgroup *c = bpf_cgroup_from_id(1);

	if (c)
		bpf_cgroup_release(c);
	return 1;
}

SEC("lsm/file_open")
int BPF_PROG(fs_d_path_ok, struct file *file)
{
	char buf[64];

	bpf_path_d_path(&file->f_path, buf, sizeof(buf));
	return 0;
}

SEC("lsm/file_open")
int BPF_PROG(fs_d_path_short_buf, struct file *file)
{
	char buf[64];

	bpf_path_d_path(&file->f_path, buf, sizeof(buf) + 1);
	return 0;
}

SEC("lsm/file_open")
int BPF_PROG(fs_d_path_wrong_struct, struct file *file)
{
	char buf[64];

	bpf_path_d_path((struct path *)file, buf, sizeof(buf));
	return 0;
}

SEC("fentry/vfs_open")
int BPF_PROG(fs_d_path_fentry, struct path *path, struct file *file)
{
	char buf[64];

	bpf_path_d_path(path, buf, sizeof(buf));
	return 0;
}

SEC("lsm/file_open")
int BPF_PROG(fs_exe_file, struct file *file)
{
	struct file *f = bpf_get_task_exe_file(bpf_get_current_task_btf());

	if (f)
		bpf_put_file(f);
	return 0;
}

SEC("lsm/file_open")
int BPF_PROG(fs_put_unacquired, struct file *file)
{
	bpf_put_file(file);
	return 0;
}
