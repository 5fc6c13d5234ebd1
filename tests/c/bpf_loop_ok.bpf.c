/* bpf_loop with a C callback that adds into a context struct on the caller's stack.
 * Accepted: the callback only writes through its ctx pointer within bounds and
 * returns 0. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct loop_acc {
	__u64 total;
	__u32 step;
};

static int add_step(__u32 idx, void *data)
{
	struct loop_acc *a = data;

	a->total += a->step + idx;
	return 0;
}

SEC("tc")
int bpf_loop_ok(struct __sk_buff *skb)
{
	struct loop_acc a = { .total = 0, .step = skb->len & 0xff };

	bpf_loop(16, add_step, &a, 0);
	return a.total > 100;
}

char LICENSE[] SEC("license") = "GPL";
