// kprobe: bpf_get_current_task_btf then bpf_task_storage_get with F_CREATE; bump the value.
// Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_TASK_STORAGE); __uint(map_flags, BPF_F_NO_PREALLOC); __type(key, int); __type(value, __u64); } ts SEC(".maps");
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  __u64 *v = bpf_task_storage_get(&ts, bpf_get_current_task_btf(), 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
  if (!v) return 0;
  *v += 1;
  return 0;
}
