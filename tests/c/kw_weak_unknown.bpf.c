/* A __weak kfunc extern neither kernel has: libbpf poisons its call
 * instead of failing the load. Behind bpf_ksym_exists() the call is dead
 * code and the program loads; called anyway, the verifier meets the
 * poisoned call (libbpf rewrites the kernel's log to name the kfunc). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

extern int bpf_veristep_no_such_kfunc(int x) __ksym __weak;

SEC("tc")
int weak_unknown_guarded(struct __sk_buff *skb)
{
	if (bpf_ksym_exists(bpf_veristep_no_such_kfunc))
		return bpf_veristep_no_such_kfunc(skb->len);
	return 0;
}

SEC("tc")
int weak_unknown_called(struct __sk_buff *skb)
{
	return bpf_veristep_no_such_kfunc(skb->len);
}
