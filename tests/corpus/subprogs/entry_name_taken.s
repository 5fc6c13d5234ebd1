; a subprogram labelled as the file is named: the oracle's C names the
; functions first, so the entry (named after the file) becomes
; entry_name_taken_1, and libbpf's refusal names both
.prog_type socket_filter
    call entry_name_taken
    r0 = 0
    exit
entry_name_taken:
    r1 = 1
    if r1 > 2 goto +1
    call pc-6
    r0 = 0
    exit
