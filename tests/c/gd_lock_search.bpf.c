/* Where each kernel finds the bpf_spin_lock of a global data section (one
 * array map whose value's BTF is the section's DATASEC). Linux 6.1
 * (btf_find_datasec_var() for "bpf_spin_lock") looks at the variables
 * themselves, by their type's own name (modifiers not skipped): two locks
 * in one section are "more than one", a lock inside a variable's struct is
 * not found, nor is a volatile one. Linux 6.12 parses the section into a
 * btf_record: nested structs are walked, so the wrapped lock is the
 * value's; two locks at the top are an error, and the map has no record. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct bpf_spin_lock lock_x SEC(".data.two");
struct bpf_spin_lock lock_y SEC(".data.two");

struct wrapped {
	struct bpf_spin_lock l;
	int x;
};
struct wrapped wrapped SEC(".data.nest");

volatile struct bpf_spin_lock vlock SEC(".data.vol");
int vcount SEC(".data.vol");

SEC("tc")
int gd_two_locks(struct __sk_buff *skb)
{
	bpf_spin_lock(&lock_y);
	bpf_spin_unlock(&lock_y);
	return 0;
}

SEC("tc")
int gd_wrapped_lock(struct __sk_buff *skb)
{
	struct wrapped *w = &wrapped;

	bpf_spin_lock(&w->l);
	w->x++;
	bpf_spin_unlock(&w->l);
	return 0;
}

SEC("tc")
int gd_volatile_lock(struct __sk_buff *skb)
{
	struct bpf_spin_lock *l = (struct bpf_spin_lock *)&vlock;

	bpf_spin_lock(l);
	vcount++;
	bpf_spin_unlock(l);
	return 0;
}
