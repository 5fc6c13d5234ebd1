/* Extension programs (BPF_PROG_TYPE_EXT): SEC("freplace/NAME") replaces
 * function NAME of another loaded program, whose fd the loader gives with
 * bpf_program__set_attach_target(). Loaded alone, libbpf refuses both
 * before the kernel sees them, after creating the maps: with a name it
 * needs the target program's fd to find NAME in its BTF ("attach program
 * FD is not set"); without one there is nothing to attach to ("no
 * BTF-based attach target is specified"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

SEC("freplace/get_constant")
int fr_named(long val)
{
	return val == 42;
}

SEC("freplace")
int fr_bare(long val)
{
	return 0;
}
