/* A ring buffer map's pointer walked to its struct bpf_map's name
 * (bpf_ringbuf_map), a byte of it read. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

SEC("tc")
int mp_ringbuf_ptr(struct __sk_buff *skb)
{
	struct bpf_map *m = (struct bpf_map *)&rb;

	return m->name[0] + m->max_entries;
}

char LICENSE[] SEC("license") = "GPL";
