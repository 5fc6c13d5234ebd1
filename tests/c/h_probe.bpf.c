// bpf_probe_read* variants from a kprobe (GPL). Accepted.
#include "h_common.h"
SEC("kprobe/do_nanosleep") int k(void *ctx) { char b[32]; long n = bpf_probe_read_user_str(b, sizeof(b), ctx); n += bpf_probe_read_kernel_str(b, sizeof(b), ctx); n += bpf_probe_read_user(b, 8, ctx); n += bpf_probe_read_str(b, sizeof(b), ctx); n += bpf_probe_read(b, 4, ctx); return n + b[0]; }
