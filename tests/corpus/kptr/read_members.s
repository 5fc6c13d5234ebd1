; The acquired struct is read as the kernel's BTF lays it out: ints, a nested
; struct of ints, and a pointer member; past its end the read is refused.
.prog_type sched_cls

    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r6 = r0
    r2 = *(u32 *)(r6 + 4)
    r3 = *(u32 *)(r6 + 12)
    r4 = *(u64 *)(r6 + 16)
    r5 = *(u32 *)(r4 + 0)
    r7 = *(u64 *)(r6 + 32)
    r1 = r6
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
