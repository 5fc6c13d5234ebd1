/* cgroup/sock_release with the socket cookie, the netns cookie, the
 * current uid, get_retval and socket storage. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct {
  __uint(type, BPF_MAP_TYPE_SK_STORAGE);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, int);
  __type(value, long);
} st SEC(".maps");
SEC("cgroup/sock_release") int c(struct bpf_sock *ctx) {
  long *v = bpf_sk_storage_get(&st, ctx, 0, BPF_SK_STORAGE_GET_F_CREATE);
  if (v) *v = bpf_get_socket_cookie(ctx) + bpf_get_netns_cookie(ctx);
  return bpf_get_current_uid_gid() != 0 && bpf_get_retval() == 0;
}
