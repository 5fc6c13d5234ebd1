/* Fixture of core/tests/elf.rs: one program veristep verifies (good), one
 * using a map type it does not model (uses_ts), one of a program type it
 * does not model (sock_create). clang-16 -target bpf -O2 -g -I/usr/include/x86_64-linux-gnu -c mixed.bpf.c */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_TASK_STORAGE); __uint(map_flags, BPF_F_NO_PREALLOC); __type(key, int); __type(value, long); } ts SEC(".maps");
SEC("tc") int good(struct __sk_buff *skb) { return skb->len & 1; }
SEC("kprobe/x") int uses_ts(void *ctx) { long *v = bpf_task_storage_get(&ts, (void *)bpf_get_current_task(), 0, 0); return v ? 1 : 0; }
SEC("cgroup/sock_create") int sock_create(struct bpf_sock *sk) { return 1; }
char LICENSE[] SEC("license") = "GPL";
