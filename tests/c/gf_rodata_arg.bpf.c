/* A global function taking `int *` may write through it: a pointer into
 * .rodata (a frozen read-only map) is refused at the call, as
 * check_mem_reg() checks the memory for reading and then for writing. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__noinline int set42(int *p)
{
	if (!p)
		return 0;
	*p = 42;
	return 1;
}

const volatile int limit = 7;

SEC("tc")
int gf_rodata_arg(struct __sk_buff *skb)
{
	return set42((int *)&limit);
}

char LICENSE[] SEC("license") = "GPL";
