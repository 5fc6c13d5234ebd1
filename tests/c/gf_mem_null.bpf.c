/* A global function taking a pointer to an int: the pointer may be NULL
 * (PTR_TO_MEM_OR_NULL), and it is dereferenced unchecked: refused while
 * verifying the function on its own. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__attribute__((noinline)) int gf_read(int *p)
{
	return *p;
}

SEC("tc")
int gf_mem_null(struct __sk_buff *skb)
{
	int v = skb->len;

	return gf_read(&v);
}

char LICENSE[] SEC("license") = "GPL";
