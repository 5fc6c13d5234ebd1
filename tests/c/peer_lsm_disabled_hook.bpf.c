// LSM hooks a BPF program may not attach to (bpf_lsm_disabled_hooks):
// getprocattr and ismaclabel are refused at load with "attach_btf_id N
// points to disabled hook bpf_lsm_NAME"; file_open is accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lsm/getprocattr") int getprocattr(void *ctx) { return 0; }
SEC("lsm/ismaclabel") int ismaclabel(void *ctx) { return 0; }
SEC("lsm/file_open") int file_open(void *ctx) { return 0; }
