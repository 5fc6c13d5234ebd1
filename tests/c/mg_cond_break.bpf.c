/* may_goto (6.9+) as bpf_experimental.h's cond_break writes it for
 * compilers without the mnemonic: a loop the verifier cannot bound ends
 * when may_goto's budget does. 6.12 takes the jump first, queues the
 * fall-through with one more may_goto_depth and widens its imprecise
 * scalars against the loop's earlier pass until a state repeats at a
 * greater depth; 6.1 does not know the opcode ("unknown opcode e5"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define cond_break					\
	({ __label__ l_break, l_continue;		\
	asm volatile goto("1:.byte 0xe5;		\
		      .byte 0;				\
		      .long ((%l[l_break] - 1b - 8) / 8) & 0xffff;	\
		      .short 0"				\
		      :::: l_break);			\
	goto l_continue;				\
	l_break: break;					\
	l_continue:;					\
	})

__u64 total;

SEC("socket")
int mg_cond_break(struct __sk_buff *skb)
{
	__u32 n = bpf_get_prandom_u32();
	__u64 sum = 0;
	__u32 i;

	for (i = 0; i < n; i++) {
		sum += i;
		cond_break;
	}
	total = sum;
	return 0;
}

SEC("socket")
int mg_index_after_loop(struct __sk_buff *skb)
{
	__u8 buf[16] = {};
	__u32 i = 0;

	/* i is widened while the loop runs: after it, it is unbounded */
	while (1) {
		i++;
		cond_break;
	}
	return buf[i & 31];
}

char LICENSE[] SEC("license") = "GPL";
