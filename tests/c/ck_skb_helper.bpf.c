/* cgroup/sock_create calling bpf_get_socket_uid. Rejected: not one of
 * its helpers. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sock_create") int c(struct bpf_sock *ctx) {
  return bpf_get_socket_uid((void *)ctx) == 0;
}
