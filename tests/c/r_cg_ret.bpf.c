// cgroup_skb returning a 0/1 comparison. Accepted.
#include "h_common.h"
SEC("cgroup_skb/egress") int c(struct __sk_buff *skb) { return skb->len > 100; }
