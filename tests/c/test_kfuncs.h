/* Linux 6.1's test kfuncs (net/bpf/test_run.c, built into Debian's 6.1;
 * 6.12 has them only in its bpf_testmod module, so libbpf cannot load
 * these programs there), as the tk_*.bpf.c probes declare them. */
extern void bpf_kfunc_call_test_pass_ctx(struct __sk_buff *skb) __ksym;
extern void bpf_kfunc_call_test_mem_len_pass1(void *mem, int mem__sz) __ksym;
extern void bpf_kfunc_call_test_mem_len_fail1(void *mem, int len) __ksym;
extern void bpf_kfunc_call_test_fail3(struct prog_test_fail3 *p) __ksym;
extern void bpf_kfunc_call_test_ref(struct prog_test_ref_kfunc *p) __ksym;
extern struct prog_test_ref_kfunc *
bpf_kfunc_call_test_acquire(unsigned long *scalar_ptr) __ksym;
extern void bpf_kfunc_call_test_release(struct prog_test_ref_kfunc *p) __ksym;
extern int *bpf_kfunc_call_test_get_rdonly_mem(struct prog_test_ref_kfunc *p,
					       const int rdonly_buf_size) __ksym;
extern __u64 bpf_kfunc_call_test1(struct sock *sk, __u32 a, __u64 b, __u32 c,
				  __u64 d) __ksym;
