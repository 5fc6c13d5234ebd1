; a syscall program is sleepable (libbpf sets BPF_F_SLEEPABLE): a prog array is refused
.prog_type syscall
.map jmp prog_array key=4 value=4 entries=4
    r2 = jmp ll
    r3 = 0
    call bpf_tail_call
    r0 = 0
    exit
