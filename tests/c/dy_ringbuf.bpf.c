/* Ringbuf dynptrs (bpf_ringbuf_reserve_dynptr / submit / discard): the
 * dynptr is a reference, released by submit or discard and leaked if
 * neither runs; its data slice (bpf_dynptr_data) may be NULL, is bounded
 * by the constant length asked for and dies with the dynptr. 6.1 and 6.12
 * word some refusals differently (a second reserve into a live dynptr:
 * "Dynptr has to be an uninitialized dynptr" / "cannot overwrite
 * referenced dynptr"); reading the dynptr's own bytes is refused by both. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

SEC("tp/syscalls/sys_enter_getpid")
int rb_ok(void *ctx)
{
	struct bpf_dynptr ptr;
	__u64 v = 42;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	bpf_dynptr_write(&ptr, 0, &v, sizeof(v), 0);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_leak(void *ctx)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_slice(void *ctx)
{
	struct bpf_dynptr ptr;
	__u64 *data;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	data = bpf_dynptr_data(&ptr, 0, 8);
	if (!data) {
		bpf_ringbuf_discard_dynptr(&ptr, 0);
		return 0;
	}
	*data = 7;
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_slice_no_null_check(void *ctx)
{
	struct bpf_dynptr ptr;
	__u64 *data;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	data = bpf_dynptr_data(&ptr, 0, 8);
	*data = 7;
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_slice_oob(void *ctx)
{
	struct bpf_dynptr ptr;
	__u8 *data;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	data = bpf_dynptr_data(&ptr, 0, 8);
	if (data)
		data[8] = 1;
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_slice_after_submit(void *ctx)
{
	struct bpf_dynptr ptr;
	__u64 *data;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	data = bpf_dynptr_data(&ptr, 0, 8);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	if (data)
		*data = 7;
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_submit_twice(void *ctx)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	bpf_ringbuf_discard_dynptr(&ptr, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_submit_uninit(void *ctx)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_reserve_twice(void *ctx)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_read_own_bytes(void *ctx)
{
	struct bpf_dynptr ptr;
	__u64 x;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	x = *(volatile __u64 *)&ptr;
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return x;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_helper_reads_bytes(void *ctx)
{
	struct bpf_dynptr ptr;
	char buf[16];

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	bpf_probe_read_kernel(buf, sizeof(buf), &ptr);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return buf[0];
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_overwrite(void *ctx)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	*(volatile __u64 *)&ptr = 0;
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

static __noinline int submit_it(struct bpf_dynptr *p)
{
	bpf_ringbuf_submit_dynptr(p, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_submit_in_subprog(void *ctx)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	submit_it(&ptr);
	return 0;
}

static int cb_reserve(__u32 idx, void *data)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_leak_in_callback(void *ctx)
{
	bpf_loop(4, cb_reserve, NULL, 0);
	return 0;
}

static int cb_submit(__u32 idx, void *data)
{
	bpf_ringbuf_submit_dynptr(data, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_release_callers(void *ctx)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	bpf_loop(1, cb_submit, &ptr, 0);
	bpf_ringbuf_discard_dynptr(&ptr, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int rb_branches(void *ctx)
{
	struct bpf_dynptr ptr;
	__u32 n = bpf_get_prandom_u32();
	__u64 *data;

	bpf_ringbuf_reserve_dynptr(&rb, n & 1 ? 8 : 16, 0, &ptr);
	if (n & 2) {
		data = bpf_dynptr_data(&ptr, 0, 8);
		if (data)
			*data = n;
	}
	if (n & 4)
		bpf_ringbuf_discard_dynptr(&ptr, 0);
	else
		bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}
