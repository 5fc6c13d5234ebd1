/* An LPM trie whose key type is an integer (l3af's traffic mirroring writes
 * __type(key, KEY_SIZE), a size): trie_check_btf() wants a struct, the kernel
 * refuses the map with its BTF types (EINVAL) and libbpf creates it again
 * without them, saying so. That warning is the first line libbpf prints when
 * the object then fails: here its program's section gives no program type. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__type(key, __u64);
	__type(value, __u32);
	__uint(max_entries, 16);
	__uint(map_flags, BPF_F_NO_PREALLOC);
} mc_trie SEC(".maps");

SEC("classifier/mirror")
int mc_btf_retry_lpm(struct __sk_buff *skb)
{
	__u64 key = 0x0100007f00000020ULL;
	__u32 *v = bpf_map_lookup_elem(&mc_trie, &key);

	return v ? *v : 0;
}
