/* Fixture of core/tests/elf.rs: one program veristep verifies (good), one
 * using a map type it does not model (uses_rs: cgroup storage of 6.2), one of a program type it
 * does not model (it). clang-16 -target bpf -O2 -g -I/usr/include/x86_64-linux-gnu -c mixed.bpf.c */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_CGRP_STORAGE); __uint(map_flags, BPF_F_NO_PREALLOC); __type(key, int); __type(value, long); } rs SEC(".maps");
SEC("tc") int good(struct __sk_buff *skb) { return skb->len & 1; }
SEC("kprobe/x") int uses_rs(void *ctx) { int k = 0; return bpf_map_lookup_elem(&rs, &k) != 0; }
SEC("iter/task") int it(void *ctx) { return 0; }
char LICENSE[] SEC("license") = "GPL";
