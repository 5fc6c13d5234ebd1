// bpf_get_file_xattr() (6.12's fs kfuncs: sleepable LSM programs only,
// and bpf_get_fsverity_digest(), LSM programs;
// trusted arguments): its name must be a constant string in a frozen
// read-only map (`__str`), its value a dynptr. 6.1 has no such kfunc: the
// __weak extern is left unresolved and its call poisoned.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int bpf_get_file_xattr(struct file *file, const char *name__str,
			      struct bpf_dynptr *value_p) __ksym __weak;
extern int bpf_get_fsverity_digest(struct file *file, struct bpf_dynptr *digest_p) __ksym __weak;

char value[16];
char writable_name[16] = "user.kfuncs";

SEC("lsm.s/file_open")
int BPF_PROG(rodata_name, struct file *f)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(value, sizeof(value), 0, &d);
	return bpf_get_file_xattr(f, "user.kfuncs", &d) < 0 ? 0 : 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(data_name, struct file *f)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(value, sizeof(value), 0, &d);
	return bpf_get_file_xattr(f, writable_name, &d) < 0 ? 0 : 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(stack_name, struct file *f)
{
	struct bpf_dynptr d;
	char name[8] = "user.x";

	bpf_dynptr_from_mem(value, sizeof(value), 0, &d);
	return bpf_get_file_xattr(f, name, &d) < 0 ? 0 : 0;
}

SEC("lsm/file_open")
int BPF_PROG(not_sleepable, struct file *f)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(value, sizeof(value), 0, &d);
	return bpf_get_file_xattr(f, "user.kfuncs", &d) < 0 ? 0 : 0;
}

/* fs/verity's digest (LSM programs, trusted arguments, not sleepable) */
SEC("lsm/file_open")
int BPF_PROG(fsverity_digest, struct file *f)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(value, sizeof(value), 0, &d);
	return bpf_get_fsverity_digest(f, &d) < 0 ? 0 : 0;
}

char _license[] SEC("license") = "GPL";
