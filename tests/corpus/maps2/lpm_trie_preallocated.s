; an LPM trie must be created with BPF_F_NO_PREALLOC: without flags the
; kernel's trie_alloc() refuses it
.prog_type xdp
.map t lpm_trie key=8 value=8 entries=16
    r1 = t ll
    r0 = 2
    exit
