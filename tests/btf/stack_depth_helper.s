; a helper writes 4 bytes at fp-12
.prog_type kprobe
r6 = r1
r1 = r10
r1 += -12
r2 = 4
r3 = r6
call bpf_probe_read_kernel
r0 = 0
exit
