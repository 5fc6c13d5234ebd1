/* cgroup/getsockopt: bpf_tcp_sock on the socket, a field read after the
 * NULL check; the retval read; the optval passed to a helper. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/getsockopt") int g(struct bpf_sockopt *ctx) {
  struct bpf_tcp_sock *tp = bpf_tcp_sock(ctx->sk);
  __u8 *v = ctx->optval, *end = ctx->optval_end;
  if (tp && tp->snd_cwnd > 10 && ctx->retval == 0) ctx->optlen = 0;
  if (v + 8 <= end) bpf_probe_read_kernel(v, 8, 0);
  return 1;
}
