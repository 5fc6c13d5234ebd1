/* cgroup/getsockopt reading the option value through optval/optval_end,
 * setting optlen and retval in separate stores. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/getsockopt") int g(struct bpf_sockopt *ctx) {
  __u8 *v = ctx->optval, *end = ctx->optval_end;
  if (ctx->level != 1 || ctx->optname != 2) return 1;
  if (v + 4 > end) return 1;
  v[0] = 0x55;
  ctx->optlen = 4;
  asm volatile("" ::: "memory");
  ctx->retval = 0;
  return 1;
}
