; bpf_d_path from syscall: tracing_prog_func_proto offers it, its .allowed refuses the program
.prog_type syscall
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 147
    r0 = 0
    exit
