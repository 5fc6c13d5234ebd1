/* A bpf_spin_lock in global data (its own .data.A section, as libbpf
 * lays it out: one array map whose value's BTF is the DATASEC): the
 * variable is the value's lock. 6.1 gives the value an id at every load,
 * so a lock and an unlock through two loads are "bpf_spin_unlock of
 * different lock"; 6.12 gives it none and accepts. A lock in .bss next to
 * a counter guards it on both once one load serves both calls. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct bpf_spin_lock lock_a SEC(".data.A");
struct bpf_spin_lock lock_b;
long counter;

SEC("tc")
int gl_two_loads(struct __sk_buff *skb)
{
	bpf_spin_lock(&lock_a);
	bpf_spin_unlock(&lock_a);
	return 0;
}

SEC("tc")
int gl_one_pointer(struct __sk_buff *skb)
{
	struct bpf_spin_lock *l = &lock_b;

	bpf_spin_lock(l);
	bpf_spin_unlock(l);
	return 0;
}

SEC("tc")
int gl_wrong_offset(struct __sk_buff *skb)
{
	bpf_spin_lock((struct bpf_spin_lock *)&counter);
	bpf_spin_unlock((struct bpf_spin_lock *)&counter);
	return 0;
}
