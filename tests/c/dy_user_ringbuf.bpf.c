/* User ring buffers: bpf_user_ringbuf_drain calls its callback with each
 * sample as a read-only local dynptr (6.1 PTR_TO_DYNPTR, 6.12
 * CONST_PTR_TO_DYNPTR: dynptr_ptr in the log). The callback may read the
 * sample (bpf_dynptr_read, bpf_dynptr_data) but not release it ("arg 1 is
 * an unacquired reference" / "cannot release unowned const bpf_dynptr"),
 * must return 0 or 1, and the drain needs a user ring buffer. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_USER_RINGBUF);
	__uint(max_entries, 4096);
} urb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

__u64 total;

static long read_sample(struct bpf_dynptr *d, void *ctx)
{
	__u64 v = 0;

	if (bpf_dynptr_read(&v, sizeof(v), d, 0, 0))
		return 1;
	total += v;
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int ur_read(void *ctx)
{
	bpf_user_ringbuf_drain(&urb, read_sample, NULL, 0);
	return 0;
}

static long slice_sample(struct bpf_dynptr *d, void *ctx)
{
	__u64 *p = bpf_dynptr_data(d, 0, 8);

	if (!p)
		return 1;
	total += *p;
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int ur_slice(void *ctx)
{
	bpf_user_ringbuf_drain(&urb, slice_sample, NULL, 0);
	return 0;
}

static long write_slice(struct bpf_dynptr *d, void *ctx)
{
	__u64 *p = bpf_dynptr_data(d, 0, 8);

	if (p)
		*p = 0;
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int ur_write_slice(void *ctx)
{
	bpf_user_ringbuf_drain(&urb, write_slice, NULL, 0);
	return 0;
}

static long submit_sample(struct bpf_dynptr *d, void *ctx)
{
	bpf_ringbuf_submit_dynptr(d, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int ur_release(void *ctx)
{
	bpf_user_ringbuf_drain(&urb, submit_sample, NULL, 0);
	return 0;
}

static long bad_ret(struct bpf_dynptr *d, void *ctx)
{
	return 2;
}

SEC("tp/syscalls/sys_enter_getpid")
int ur_bad_return(void *ctx)
{
	bpf_user_ringbuf_drain(&urb, bad_ret, NULL, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int ur_wrong_map(void *ctx)
{
	bpf_user_ringbuf_drain(&rb, read_sample, NULL, 0);
	return 0;
}

static long remake(struct bpf_dynptr *d, void *ctx)
{
	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, d);
	bpf_ringbuf_discard_dynptr(d, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int ur_remake(void *ctx)
{
	bpf_user_ringbuf_drain(&urb, remake, NULL, 0);
	return 0;
}
