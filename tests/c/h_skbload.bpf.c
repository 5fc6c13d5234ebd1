// tc helpers: skb_load_bytes into the stack, store_bytes, hash, classid, redirect. Accepted.
#include "h_common.h"
SEC("tc") int t(struct __sk_buff *skb) { char b[14]; if (bpf_skb_load_bytes(skb, 0, b, sizeof(b))) return 0; bpf_skb_store_bytes(skb, 0, b, 6, 0); return b[12] + bpf_get_hash_recalc(skb) + bpf_get_cgroup_classid(skb) + bpf_redirect(1, 0); }
