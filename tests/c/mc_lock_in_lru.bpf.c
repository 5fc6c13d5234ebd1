/* map_check_btf() takes a spin lock only in a hash, an array or a local
 * storage, and a timer only in a hash, an LRU hash or an array: an LRU
 * hash with a lock, or a per-CPU array with a timer, is refused with its
 * BTF, libbpf creates it again without, and a program that takes the lock
 * or sets the timer is refused by the verifier ("has to have BTF"). A
 * program that only reads the value loads. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct lval { struct bpf_spin_lock lock; int n; };
struct tval { struct bpf_timer t; long n; };
struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 4);
  __type(key, int);
  __type(value, struct lval);
} lru SEC(".maps");
struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, int);
  __type(value, struct tval);
} pa SEC(".maps");
SEC("tc") int take_lock(struct __sk_buff *skb) {
  int k = 0;
  struct lval *v = bpf_map_lookup_elem(&lru, &k);
  if (!v) return 0;
  bpf_spin_lock(&v->lock);
  v->n++;
  bpf_spin_unlock(&v->lock);
  return 0;
}
SEC("tc") int init_timer(struct __sk_buff *skb) {
  int k = 0;
  struct tval *v = bpf_map_lookup_elem(&pa, &k);
  if (!v) return 0;
  bpf_timer_init(&v->t, &pa, 1);
  return 0;
}
SEC("tc") int read_value(struct __sk_buff *skb) {
  int k = 0;
  struct lval *v = bpf_map_lookup_elem(&lru, &k);
  return v ? v->n : 0;
}
