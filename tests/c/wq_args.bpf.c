/* The workqueue arguments (process_wq_func(), the __map check): a pointer
 * that is not the value's struct bpf_wq, a map other than the value's, and
 * a callback returning what an async callback may not (range [0, 1]). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "wq_common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct wq_elem);
} wq_a SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, struct wq_elem);
} wq_b SEC(".maps");

static int wq_cb_ok(void *map, int *key, void *value)
{
	return 0;
}

static int wq_cb_bad(void *map, int *key, void *value)
{
	return 2;
}

SEC("tc")
int wq_wrong_offset(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_elem *e = bpf_map_lookup_elem(&wq_a, &k);

	if (!e)
		return 0;
	bpf_wq_init((struct bpf_wq *)&e->v, &wq_a, 0);
	return 0;
}

SEC("tc")
int wq_wrong_map(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_elem *e = bpf_map_lookup_elem(&wq_a, &k);

	if (!e)
		return 0;
	bpf_wq_init(&e->w, &wq_b, 0);
	return 0;
}

SEC("tc")
int wq_bad_return(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_elem *e = bpf_map_lookup_elem(&wq_b, &k);

	if (!e)
		return 0;
	if (bpf_wq_init(&e->w, &wq_b, 0))
		return 0;
	bpf_wq_set_callback_impl(&e->w, wq_cb_bad, 0, NULL);
	bpf_wq_start(&e->w, 0);
	return 0;
}

SEC("tc")
int wq_hash_ok(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_elem *e = bpf_map_lookup_elem(&wq_b, &k);

	if (!e)
		return 0;
	if (bpf_wq_init(&e->w, &wq_b, 0))
		return 0;
	bpf_wq_set_callback_impl(&e->w, wq_cb_ok, 0, NULL);
	bpf_wq_start(&e->w, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
