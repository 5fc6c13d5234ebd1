/* Linux 6.12's bits iterator: its memory argument is `__ign`ored by the
 * verifier (the kfunc copies what it can read), so a NULL pointer is
 * accepted; each element is an int the verifier knows nothing of. 6.1
 * has no such kfunc: libbpf poisons the weak externs' calls. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct bpf_iter_bits {
	__u64 __opaque[2];
} __attribute__((aligned(8)));

extern int bpf_iter_bits_new(struct bpf_iter_bits *it, const __u64 *unsafe_ptr__ign,
			     __u32 nr_words) __ksym __weak;
extern int *bpf_iter_bits_next(struct bpf_iter_bits *it) __ksym __weak;
extern void bpf_iter_bits_destroy(struct bpf_iter_bits *it) __ksym __weak;

__u64 bits_seen;

SEC("socket")
int it_bits_count(struct __sk_buff *skb)
{
	struct bpf_iter_bits it;
	__u64 word = bpf_get_prandom_u32();
	__u64 n = 0;
	int *bit;

	bpf_iter_bits_new(&it, &word, 1);
	while ((bit = bpf_iter_bits_next(&it)))
		n += *bit;
	bpf_iter_bits_destroy(&it);
	bits_seen = n;
	return 0;
}

SEC("socket")
int it_bits_null(struct __sk_buff *skb)
{
	struct bpf_iter_bits it;
	int *bit, n = 0;

	bpf_iter_bits_new(&it, NULL, 1);
	while ((bit = bpf_iter_bits_next(&it)))
		n++;
	bpf_iter_bits_destroy(&it);
	return n;
}

char LICENSE[] SEC("license") = "GPL";
