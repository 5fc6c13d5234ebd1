/* An infrared decoder (lirc_mode2): Debian builds its 6.1 and 6.12 kernels
 * without CONFIG_BPF_LIRC_MODE2, so the program type is unknown to them and
 * the load fails before the verifier (EINVAL, no log; libbpf: "BPF program
 * load failed: Invalid argument"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

SEC("lirc_mode2")
int lm_decoder(unsigned int *sample)
{
	return 0;
}
