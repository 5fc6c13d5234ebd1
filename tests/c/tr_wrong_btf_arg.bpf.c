/* bpf_task_storage_get with a struct file pointer where a task_struct
 * is expected: refused. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} counts SEC(".maps");

struct file;

SEC("lsm/file_open")
int BPF_PROG(tr_wrong_btf_arg, struct file *file)
{
	long *c = bpf_task_storage_get(&counts, (void *)file, 0, 0);

	return c ? 0 : 0;
}

char LICENSE[] SEC("license") = "GPL";
