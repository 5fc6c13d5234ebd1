/* A static flag only ever set to 1: clang stores it in one byte of .bss
 * and keeps its type (__u32) in the BTF, whose DATASEC then gives the
 * variable fewer bytes than its type. The kernel refuses the object's BTF
 * (btf_datasec_resolve(): "Invalid size"), libbpf loads the program
 * without it (no source lines in the log) and says so first if the load
 * then fails: here a ring buffer of no size. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

static __u32 happened = 0;

SEC("tc")
int shrunk_flag(struct __sk_buff *skb)
{
	if (happened)
		return 0;
	happened = 1;
	return 1;
}
