/* Linux 6.1's referenced kptr (the "kptr_ref" tag) with its test kfuncs
 * (net/bpf/test_run.c: bpf_kfunc_call_test_acquire, _release and
 * _kptr_get, the only structs 6.1 lets a map keep a reference to): a
 * reference moved into the map by bpf_kptr_xchg and the old one released;
 * a plain store into the field refused; kptr_get taking a new reference
 * from the field. 6.12 has no such kfuncs in its vmlinux (libbpf poisons
 * these weak externs) and does not read the "kptr_ref" tag. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define __kptr_ref_tag __attribute__((btf_type_tag("kptr_ref")))

extern struct prog_test_ref_kfunc *
bpf_kfunc_call_test_acquire(unsigned long *scalar_ptr) __ksym __weak;
extern void bpf_kfunc_call_test_release(struct prog_test_ref_kfunc *p) __ksym __weak;
extern struct prog_test_ref_kfunc *
bpf_kfunc_call_test_kptr_get(struct prog_test_ref_kfunc **p, int a, int b) __ksym __weak;

struct value {
	__u64 pad;
	struct prog_test_ref_kfunc __kptr_ref_tag *ref;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, int);
	__type(value, struct value);
	__uint(max_entries, 1);
} refs SEC(".maps");

char _license[] SEC("license") = "GPL";

static struct value *lookup(void)
{
	int k = 0;

	return bpf_map_lookup_elem(&refs, &k);
}

SEC("tc")
int kr_stash(struct __sk_buff *ctx)
{
	struct prog_test_ref_kfunc *p, *old;
	unsigned long arg = 0;
	struct value *v = lookup();

	if (!v)
		return 0;
	p = bpf_kfunc_call_test_acquire(&arg);
	if (!p)
		return 0;
	old = bpf_kptr_xchg(&v->ref, p);
	if (old)
		bpf_kfunc_call_test_release(old);
	return 0;
}

SEC("tc")
int kr_store_plain(struct __sk_buff *ctx)
{
	struct prog_test_ref_kfunc *p;
	unsigned long arg = 0;
	struct value *v = lookup();

	if (!v)
		return 0;
	p = bpf_kfunc_call_test_acquire(&arg);
	if (!p)
		return 0;
	v->ref = p;
	return 0;
}

SEC("tc")
int kr_kptr_get(struct __sk_buff *ctx)
{
	struct prog_test_ref_kfunc *p;
	struct value *v = lookup();

	if (!v)
		return 0;
	p = bpf_kfunc_call_test_kptr_get(&v->ref, 0, 0);
	if (p)
		bpf_kfunc_call_test_release(p);
	return 0;
}

SEC("tc")
int kr_kptr_get_pad(struct __sk_buff *ctx)
{
	struct prog_test_ref_kfunc *p;
	struct value *v = lookup();

	if (!v)
		return 0;
	p = bpf_kfunc_call_test_kptr_get((struct prog_test_ref_kfunc **)&v->pad, 0, 0);
	if (p)
		bpf_kfunc_call_test_release(p);
	return 0;
}
