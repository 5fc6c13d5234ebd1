/* Global functions' argument tags (6.8+: btf_prepare_func_args reads
 * `arg:` decl tags). `void *ctx __arg_ctx` is the program's context to
 * 6.12; 6.1 reads no tags, and the loader's libbpf 1.4 gives it the context
 * struct in the prototype instead (bpf_program_fixup_func_info). `__arg_nonnull`
 * memory needs no NULL check in the callee, and its caller may not pass
 * a pointer that may be NULL. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#ifndef __arg_ctx
#define __arg_ctx __attribute__((btf_decl_tag("arg:ctx")))
#define __arg_nonnull __attribute__((btf_decl_tag("arg:nonnull")))
#endif

__noinline int at_ctx_len(void *ctx __arg_ctx)
{
	return ((struct __sk_buff *)ctx)->len;
}

__noinline int at_first(int *p __arg_nonnull)
{
	return *p;
}

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, int);
} at_vals SEC(".maps");

SEC("tc")
int at_tag_ctx(struct __sk_buff *skb)
{
	return at_ctx_len(skb) > 0;
}

SEC("tc")
int at_tag_nonnull_ok(struct __sk_buff *skb)
{
	int v = 7;

	return at_first(&v);
}

SEC("tc")
int at_tag_nonnull_maybe_null(struct __sk_buff *skb)
{
	__u32 k = 0;
	int *v = bpf_map_lookup_elem(&at_vals, &k);

	/* no NULL check: the tagged argument refuses it */
	return at_first(v);
}

char LICENSE[] SEC("license") = "GPL";
