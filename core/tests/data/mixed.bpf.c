/* Fixture of core/tests/elf.rs: one program veristep verifies (good), one
 * using a map type it does not model (uses_rs), one of a program type it
 * does not model (reuse). clang-16 -target bpf -O2 -g -I/usr/include/x86_64-linux-gnu -c mixed.bpf.c */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY); __uint(max_entries, 4); __type(key, int); __type(value, __u64); } rs SEC(".maps");
SEC("tc") int good(struct __sk_buff *skb) { return skb->len & 1; }
SEC("kprobe/x") int uses_rs(void *ctx) { int k = 0; return bpf_map_lookup_elem(&rs, &k) != 0; }
SEC("sk_reuseport") int reuse(struct sk_reuseport_md *md) { return SK_PASS; }
char LICENSE[] SEC("license") = "GPL";
