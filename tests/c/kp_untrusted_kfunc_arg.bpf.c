/* Linux 6.1's test kfuncs given a pointer that carries a type flag. 6.1's
 * btf_check_func_arg_match() takes an argument as a kernel object only when
 * its type is exactly PTR_TO_BTF_ID: an unreferenced kptr loaded from a map
 * value (PTR_UNTRUSTED), or a pointer not yet checked against NULL
 * (PTR_MAYBE_NULL), is taken as memory instead, and a struct with a pointer
 * member is no memory a kfunc may get ("must point to scalar, or struct
 * with scalar"), not "R1 must be referenced". A plain, walked pointer is an
 * object and is refused by KF_TRUSTED_ARGS for having no reference. 6.12
 * has no such kfuncs in its vmlinux (libbpf poisons these weak externs). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define __kptr_tag __attribute__((btf_type_tag("kptr")))

extern struct prog_test_ref_kfunc *
bpf_kfunc_call_test_acquire(unsigned long *scalar_ptr) __ksym __weak;
extern void bpf_kfunc_call_test_release(struct prog_test_ref_kfunc *p) __ksym __weak;
extern void bpf_kfunc_call_test_ref(struct prog_test_ref_kfunc *p) __ksym __weak;

struct value {
	__u64 pad;
	struct prog_test_ref_kfunc __kptr_tag *unref;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, int);
	__type(value, struct value);
	__uint(max_entries, 1);
} kptrs SEC(".maps");

char _license[] SEC("license") = "GPL";

static struct value *lookup(void)
{
	int k = 0;

	return bpf_map_lookup_elem(&kptrs, &k);
}

/* untrusted: memory to 6.1, refused for its pointer member */
SEC("tc")
int ku_untrusted_to_trusted_args(struct __sk_buff *ctx)
{
	struct value *v = lookup();
	struct prog_test_ref_kfunc *p;

	if (!v)
		return 0;
	p = v->unref;
	if (!p)
		return 0;
	bpf_kfunc_call_test_ref(p);
	return 0;
}

/* untrusted to a release kfunc: the same memory check comes first */
SEC("tc")
int ku_untrusted_to_release(struct __sk_buff *ctx)
{
	struct value *v = lookup();
	struct prog_test_ref_kfunc *p;

	if (!v)
		return 0;
	p = v->unref;
	if (!p)
		return 0;
	bpf_kfunc_call_test_release(p);
	return 0;
}

/* a walked pointer has no flag: an object, and it has no reference */
SEC("tc")
int ku_walked_to_trusted_args(struct __sk_buff *ctx)
{
	unsigned long arg = 0;
	struct prog_test_ref_kfunc *p, *next;

	p = bpf_kfunc_call_test_acquire(&arg);
	if (!p)
		return 0;
	next = p->next;
	bpf_kfunc_call_test_ref(next);
	bpf_kfunc_call_test_release(p);
	return 0;
}

/* a referenced pointer not checked against NULL: memory, not an object */
SEC("tc")
int ku_maybe_null_to_trusted_args(struct __sk_buff *ctx)
{
	unsigned long arg = 0;
	struct prog_test_ref_kfunc *p;

	p = bpf_kfunc_call_test_acquire(&arg);
	bpf_kfunc_call_test_ref(p);
	if (p)
		bpf_kfunc_call_test_release(p);
	return 0;
}

/* a socket is an object too (reg2btf_ids[]), of another struct */
SEC("tc")
int ku_socket_to_release(struct __sk_buff *ctx)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(ctx, &tuple, sizeof(tuple.ipv4), -1, 0);
	if (!sk)
		return 0;
	bpf_kfunc_call_test_release((struct prog_test_ref_kfunc *)sk);
	bpf_sk_release(sk);
	return 0;
}

/* tracing's rstat kfunc (6.1's bpf_rstat_kfunc_set) given a cgroup kptr
 * loaded from a map: untrusted memory to 6.1; 6.12 reads "kptr" as a
 * referenced kptr and the load, inside the program's RCU section, as an
 * RCU pointer, which this kfunc takes */
extern void cgroup_rstat_updated(struct cgroup *cgrp, int cpu) __ksym __weak;

struct cg_value {
	struct cgroup __kptr_tag *cg;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, int);
	__type(value, struct cg_value);
	__uint(max_entries, 1);
} cgs SEC(".maps");

SEC("tp_btf/sched_switch")
int ku_cgroup_kptr_to_rstat(void *ctx)
{
	int k = 0;
	struct cg_value *v = bpf_map_lookup_elem(&cgs, &k);
	struct cgroup *cg;

	if (!v)
		return 0;
	cg = v->cg;
	if (!cg)
		return 0;
	cgroup_rstat_updated(cg, 0);
	return 0;
}
