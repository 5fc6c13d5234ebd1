/* Fixture of core/tests/elf.rs: one program veristep verifies (good), one
 * using a map type it does not model (uses_rs: a struct_ops map, type 26, declared in .maps), one of a program type it
 * does not model (it). clang-16 -target bpf -O2 -g -I/usr/include/x86_64-linux-gnu -c mixed.bpf.c */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, 26); __uint(key_size, 4); __uint(value_size, 4); __uint(max_entries, 1); } rs SEC(".maps");
SEC("tc") int good(struct __sk_buff *skb) { return skb->len & 1; }
SEC("kprobe/x") int uses_rs(void *ctx) { int k = 0; return bpf_map_lookup_elem(&rs, &k) != 0; }
SEC("iter/task") int it(void *ctx) { return 0; }
char LICENSE[] SEC("license") = "GPL";
