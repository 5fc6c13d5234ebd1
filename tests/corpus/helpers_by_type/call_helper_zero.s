; Helper id 0 (BPF_FUNC_unspec): the kernel logs the call with
; func_id_str[0]'s name, `call bpf_unspec#0`, and refuses it (6.1: unknown
; func; 6.12: not in the program type's table).
.prog_type socket_filter
    call 0
    r0 = 0
    exit
