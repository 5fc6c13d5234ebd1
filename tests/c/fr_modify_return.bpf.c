/* fmod_ret on bpf_modify_return_test: 6.12 registers it in its fmod_ret
 * set (register_btf_fmodret_id_set, net/bpf/test_run.c), so its return may
 * be changed; 6.1 has only the error injection list, which Debian's
 * kernels are built without ("bpf_modify_return_test() is not
 * modifiable"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fmod_ret/bpf_modify_return_test")
int BPF_PROG(fr_modify_return, int a, int *b, int ret)
{
	return a == 2 ? 21 : 0;
}

char LICENSE[] SEC("license") = "GPL";
