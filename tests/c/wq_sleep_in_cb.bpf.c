/* A workqueue's callback runs in process context: the verifier walks it
 * in a state of its own that may sleep (push_async_cb(), in_sleepable),
 * so a non-sleepable fentry program's callback may call
 * bpf_copy_from_user. 6.12 accepts it. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "wq_common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct wq_elem);
} wq_map SEC(".maps");

static int wq_cb(void *map, int *key, void *value)
{
	char buf[8];

	bpf_copy_from_user(buf, sizeof(buf), (void *)0x1000);
	return 0;
}

SEC("fentry/do_nanosleep")
int BPF_PROG(wq_sleep_in_cb)
{
	int k = 0;
	struct wq_elem *e = bpf_map_lookup_elem(&wq_map, &k);

	if (!e)
		return 0;
	if (bpf_wq_init(&e->w, &wq_map, 0))
		return 0;
	if (bpf_wq_set_callback_impl(&e->w, wq_cb, 0, NULL))
		return 0;
	bpf_wq_start(&e->w, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
