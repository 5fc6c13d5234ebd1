/* iter/bpf_map_elem: the key and (past a constant offset) the value handed to bpf_seq_write, which reads memory: buffers are memory too. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
SEC("iter/bpf_map_elem")
int it_map_elem_seqwrite(struct bpf_iter__bpf_map_elem *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	__u32 *key = ctx->key;
	char *val = ctx->value;
	if (!key || !val)
		return 0;
	bpf_seq_write(seq, key, 4);
	bpf_seq_write(seq, val + 4, 4);
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
