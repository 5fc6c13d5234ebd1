/* Local dynptrs over a map value (bpf_dynptr_from_mem) with
 * bpf_dynptr_read / bpf_dynptr_write / bpf_dynptr_data: not references, so
 * nothing leaks; only map values may back them ("Unsupported reg type fp
 * for bpf_dynptr_from_mem data"); the slice length must be a known
 * constant; a ringbuf helper wants a ringbuf dynptr. 6.12 lets a local
 * dynptr be made again in place and destroys one whose bytes are
 * overwritten, with its slices; 6.1 keeps the slice. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[4]);
} arr SEC(".maps");

SEC("tp/syscalls/sys_enter_getpid")
int lo_read_write(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0;
	__u64 *v, buf[2] = {};

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	bpf_dynptr_read(buf, sizeof(buf), &ptr, 8, 0);
	bpf_dynptr_write(&ptr, 0, buf, 8, 0);
	return buf[1];
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_slice(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0;
	__u64 *v, *d;

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	d = bpf_dynptr_data(&ptr, 8, 16);
	if (!d)
		return 0;
	return d[1];
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_slice_var_len(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0, n = bpf_get_prandom_u32() & 15;
	__u64 *v, *d;

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	d = bpf_dynptr_data(&ptr, 0, n);
	if (!d)
		return 0;
	return *d;
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_from_stack(void *ctx)
{
	struct bpf_dynptr ptr;
	__u64 buf[2] = {};

	bpf_dynptr_from_mem(buf, sizeof(buf), 0, &ptr);
	bpf_dynptr_read(buf, 8, &ptr, 0, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_read_uninit(void *ctx)
{
	struct bpf_dynptr ptr;
	__u64 buf[2];

	bpf_dynptr_read(buf, sizeof(buf), &ptr, 0, 0);
	return buf[0];
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_make_twice(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0;
	__u64 *v, buf[1];

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	bpf_dynptr_from_mem(v, 16, 0, &ptr);
	bpf_dynptr_read(buf, 8, &ptr, 0, 0);
	return buf[0];
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_overwritten(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0;
	__u64 *v, buf[1];

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	*((volatile __u32 *)&ptr + 3) = 0;
	bpf_dynptr_read(buf, 8, &ptr, 0, 0);
	return buf[0];
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_slice_outlives(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0;
	__u64 *v, *d;

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	d = bpf_dynptr_data(&ptr, 0, 8);
	if (!d)
		return 0;
	*(volatile __u64 *)&ptr = 0;
	return *d;
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_to_ringbuf_helper(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0;
	__u64 *v;

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

static __noinline __u64 read_first(struct bpf_dynptr *p)
{
	__u64 x = 0;

	bpf_dynptr_read(&x, sizeof(x), p, 0, 0);
	return x;
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_in_subprog(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0;
	__u64 *v;

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	return read_first(&ptr);
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_at_offset(void *ctx)
{
	char space[24];
	__u32 key = 0;
	__u64 *v;

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, (struct bpf_dynptr *)(space + 4));
	return space[0];
}

SEC("tp/syscalls/sys_enter_getpid")
int lo_read_into_itself(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 key = 0;
	__u64 *v;

	v = bpf_map_lookup_elem(&arr, &key);
	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 32, 0, &ptr);
	bpf_dynptr_read(&ptr, 16, &ptr, 0, 0);
	return 0;
}
