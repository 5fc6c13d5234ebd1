/* The workqueue kfuncs of Linux 6.10+ (kernel/bpf/helpers.c), declared here
 * because kernel-diff's vmlinux.h is 6.1's: 6.1 has none of them, so libbpf
 * fails these objects there ("extern (func ksym) ... not found"). */
struct bpf_wq {
	__u64 __opaque[2];
} __attribute__((aligned(8)));

extern int bpf_wq_init(struct bpf_wq *wq, void *p__map, unsigned int flags) __weak __ksym;
extern int bpf_wq_start(struct bpf_wq *wq, unsigned int flags) __weak __ksym;
extern int bpf_wq_set_callback_impl(struct bpf_wq *wq,
				    int (callback_fn)(void *map, int *key, void *value),
				    unsigned int flags, void *aux__ign) __ksym;

struct wq_elem {
	int v;
	struct bpf_wq w;
};
