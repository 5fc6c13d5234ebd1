/* sk_msg may send a perf event sample and read the current task's ids. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY); __uint(key_size, 4); __uint(value_size, 4); } ev SEC(".maps");
SEC("sk_msg") int skmsg_output(struct sk_msg_md *msg) {
  __u64 v = bpf_get_current_pid_tgid() ^ bpf_get_current_cgroup_id();
  bpf_perf_event_output(msg, &ev, BPF_F_CURRENT_CPU, &v, sizeof(v));
  return 1;
}
