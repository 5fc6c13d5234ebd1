/* The same sleeping helper in the fentry program itself: "helper call
 * might sleep in a non-sleepable prog" (the program has a workqueue, but
 * only its callback may sleep). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "wq_common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct wq_elem);
} wq_map2 SEC(".maps");

static int wq_cb(void *map, int *key, void *value)
{
	return 0;
}

SEC("fentry/do_nanosleep")
int BPF_PROG(wq_sleep_in_prog)
{
	int k = 0;
	char buf[8];
	struct wq_elem *e = bpf_map_lookup_elem(&wq_map2, &k);

	if (!e)
		return 0;
	bpf_wq_init(&e->w, &wq_map2, 0);
	bpf_wq_set_callback_impl(&e->w, wq_cb, 0, NULL);
	bpf_copy_from_user(buf, sizeof(buf), (void *)0x1000);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
