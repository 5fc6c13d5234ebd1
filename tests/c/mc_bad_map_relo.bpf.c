/* A global variable in a section libbpf does not know ("maps/NAME", where
 * Pulsar keeps its own): bpf_program__record_reloc() finds neither a map
 * nor global data there and fails the whole object when it opens it
 * ("bad map relo"), before any map is created. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

__u32 mc_interest SEC("maps/mc_interest") = 1;

SEC("tc")
int mc_bad_map_relo(struct __sk_buff *skb)
{
	return mc_interest;
}
