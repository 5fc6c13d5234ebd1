/* A .maps variable written as a plain initialised struct (Linux 6.1's samples/bpf
 * tcp_dumpstats_kern.c): libbpf reads each member as __uint()'s pointer to an array, so
 * the object fails when libbpf opens it ("map 'plain': attr 'type': expected PTR, got
 * int."). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

struct {
	__u32 type;
	__u32 map_flags;
	int *key;
	__u64 *value;
} plain SEC(".maps") = {
	.type = BPF_MAP_TYPE_SK_STORAGE,
	.map_flags = BPF_F_NO_PREALLOC,
};

SEC("sockops")
int def_plain_int(struct bpf_sock_ops *ctx)
{
	return 1;
}
