/* The object of btf_datasec_shrunk.bpf.c with a ring buffer of no size,
 * which the kernel will not create: libbpf's first line is then its
 * warning that the kernel refused the object's BTF ("BTF loading error"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

static __u32 happened = 0;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
} rb SEC(".maps");

SEC("tc")
int shrunk_flag_no_ringbuf_size(struct __sk_buff *skb)
{
	__u32 one = 1;

	if (happened)
		return 0;
	happened = 1;
	bpf_ringbuf_output(&rb, &one, sizeof(one), 0);
	return 1;
}
