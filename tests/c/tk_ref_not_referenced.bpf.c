/* KF_TRUSTED_ARGS (bpf_kfunc_call_test_ref): a kernel pointer that is not referenced is "R1 must be referenced" on 6.1; the acquired one is released after. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "test_kfuncs.h"

SEC("tc")
int tk_ref_not_referenced(struct __sk_buff *skb)
{
	unsigned long s = 0; struct prog_test_ref_kfunc *p = bpf_kfunc_call_test_acquire(&s); if (!p) return 0; bpf_kfunc_call_test_ref(p->next); bpf_kfunc_call_test_release(p); return 0;
}

char LICENSE[] SEC("license") = "GPL";
