/* btf_struct_walk() on an array whose element type is a typedef of a
 * struct (struct ucounts' `atomic_long_t ucount[]`). A load at the start
 * of an element finds a nested struct there, and the walk hands back the
 * element's type id as the array names it (__btf_resolve_size()'s
 * elem_id): the typedef. Linux 6.1's next walk refuses it, "Type
 * 'atomic_long_t' is not a struct"; 6.12's skips the typedef first and
 * reads the counter. A load inside the element walks the struct itself
 * and is a scalar on both. The offsets are each kernel's (CO-RE). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

long v;

SEC("fentry/do_nanosleep")
int BPF_PROG(at_element_start)
{
	struct task_struct *t = bpf_get_current_task_btf();

	v = *(volatile long *)&t->cred->ucounts->ucount[1];
	return 0;
}

SEC("fentry/do_nanosleep")
int BPF_PROG(inside_element)
{
	struct task_struct *t = bpf_get_current_task_btf();

	v = *(volatile int *)((char *)&t->cred->ucounts->ucount[1] + 4);
	return 0;
}

SEC("fentry/do_nanosleep")
int BPF_PROG(plain_member)
{
	struct task_struct *t = bpf_get_current_task_btf();

	v = t->cred->ucounts->count.counter;
	return 0;
}
