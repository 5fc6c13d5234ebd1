/* struct_ops: the context (the member's arguments) is read only ("invalid bpf_context access"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_ctx_write")
__attribute__((naked)) void sto_ctx_write(void)
{
	asm volatile ("r2 = 0; *(u64 *)(r1 + 0) = r2; exit");
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_ctx_write_ops = {
	.init = (void *)sto_ctx_write,
	.name = "vs_ctx_write",
};
