/* A static function in a program section: libbpf refuses the whole object when it opens it
 * ("sec 'tc': program 'static_entry' is static and not supported"), the global program too. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

SEC("tc")
static int static_entry(struct __sk_buff *skb)
{
	return skb->len > 10;
}

SEC("tc")
int global_entry(struct __sk_buff *skb)
{
	return 0;
}

/* keep the static one from being dropped */
void *keep[] SEC(".data.keep") = { (void *)static_entry };
