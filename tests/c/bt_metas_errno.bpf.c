/* libbpf's first line for an object whose BTF the kernel refuses, when
 * the object then fails as a whole (a map the kernel will not create).
 * Linux 6.1 takes this BTF, and the map's failure is the first line.
 * Linux 6.12 parses the struct metas of the BTF first and refuses it:
 * the list head names a type "contains:item:node", and the object's BTF
 * has no struct item (no code uses it), ENOENT. libbpf prints that errno
 * ("BTF loading error: -2"), goes on without BTF, and the map still fails. */
/* Linux 6.1's UAPI headers have no struct bpf_list_head (6.2 added it),
 * later ones do: theirs is renamed out of the way, so that this file's own
 * definition, the one its BTF carries, compiles against either. */
#define bpf_list_head bpf_list_head___uapi
#include <linux/bpf.h>
#undef bpf_list_head
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

#define __contains(name, node) __attribute__((btf_decl_tag("contains:" #name ":" #node)))

struct bpf_list_head {
	__u64 __opaque[2];
} __attribute__((aligned(8)));

struct holder {
	struct bpf_spin_lock lock;
	struct bpf_list_head head __contains(item, node);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct holder);
} holders SEC(".maps");

/* max_entries 0: the kernel refuses to create it (EINVAL) */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 0);
	__type(key, int);
	__type(value, int);
} empty SEC(".maps");

SEC("tc")
int be_prog(struct __sk_buff *skb)
{
	int k = 0;
	struct holder *h = bpf_map_lookup_elem(&holders, &k);
	int *e = bpf_map_lookup_elem(&empty, &k);

	return (h ? 1 : 0) + (e ? 1 : 0);
}
