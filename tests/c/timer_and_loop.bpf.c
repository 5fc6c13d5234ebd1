// Two programs, two BTF-defined maps, a timer callback, a bpf_loop callback
// and a static subprogram: libbpf appends the subprograms in the order of
// their first use (Linux 6.1 logs func#1 @25, func#2 @27 for prog_timer).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct elem { struct bpf_timer t; int v; };
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, struct elem);
} timers SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

static int timer_cb(void *map, int *key, struct elem *e) { return 0; }

static int loop_cb(__u32 i, void *ctx) { (*(long *)ctx)++; return 0; }

static __noinline int helper(int x) { return x * 2; }

SEC("tc")
int prog_timer(struct __sk_buff *skb)
{
	int k = 0;
	struct elem *e = bpf_map_lookup_elem(&timers, &k);
	if (!e) return 0;
	bpf_timer_init(&e->t, &timers, 1);
	bpf_timer_set_callback(&e->t, timer_cb);
	return helper(skb->len) & 1;
}

SEC("xdp")
int prog_loop(struct xdp_md *ctx)
{
	long n = 0;
	bpf_loop(10, loop_cb, &n, 0);
	void *r = bpf_ringbuf_reserve(&rb, 8, 0);
	if (r) bpf_ringbuf_discard(r, 0);
	return helper(n) ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
