/* iter/bpf_map: each map's id and name, seq_write of the id. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("iter/bpf_map")
int it_bpf_map(struct bpf_iter__bpf_map *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct bpf_map *map = ctx->map;
	__u32 id;

	if (!map)
		return 0;
	id = map->id;
	bpf_seq_write(seq, &id, sizeof(id));
	BPF_SEQ_PRINTF(seq, " %s\n", map->name);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
