/* bpf_kfunc_call_test_get_rdonly_mem returns read-only memory of its rdonly_buf_size constant (2 ints here), tied to the referenced argument: reading it before the release is accepted by 6.1. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "test_kfuncs.h"

SEC("tc")
int tk_rdonly_mem_ok(struct __sk_buff *skb)
{
	unsigned long s = 0; int r = 0; struct prog_test_ref_kfunc *p = bpf_kfunc_call_test_acquire(&s); if (!p) return 0; int *m = bpf_kfunc_call_test_get_rdonly_mem(p, 2 * sizeof(int)); if (m) r = m[1]; bpf_kfunc_call_test_release(p); return r;
}

char LICENSE[] SEC("license") = "GPL";
