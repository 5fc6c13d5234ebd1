/* Settings a tool's skeleton writes before the load that are not single
 * integers: the text of a char array (strncpy(rodata->gv_comm, "bad")) and
 * an element of an array of integers (rodata->gv_ports[2] = 80); veristep
 * verify --set-global gv_comm=bad --set-global 'gv_ports[2]=80'. .rodata
 * is frozen, so the verifier reads each byte as the constant set: as
 * compiled (all zero) the branches that dereference a lookup unchecked are
 * dead and both programs load; with the settings they are walked and the
 * kernel rejects them. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

// kernel-diff: set-global gv_comm bad
// kernel-diff: set-global gv_ports[2] 80

const volatile char gv_comm[16] = {};
const volatile __u16 gv_ports[4] = {};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} gv_arr_vals SEC(".maps");

SEC("tc")
int gv_text(struct __sk_buff *skb)
{
	__u32 k = 0;

	if (gv_comm[0] == 'b' && gv_comm[1] == 'a' && gv_comm[2] == 'd' && gv_comm[3] == 0) {
		__u32 *v = bpf_map_lookup_elem(&gv_arr_vals, &k);

		return *v;
	}
	return 0;
}

SEC("tc")
int gv_elem(struct __sk_buff *skb)
{
	__u32 k = 0;

	if (gv_ports[2] == 80 && gv_ports[1] == 0) {
		__u32 *v = bpf_map_lookup_elem(&gv_arr_vals, &k);

		return *v;
	}
	return 0;
}
