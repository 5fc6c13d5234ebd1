; A map pointer spilled to the stack, filled and read through: the fill
; gives back CONST_PTR_TO_MAP, and the read of the map's struct (bpf_htab's
; bytes 8..15, inside struct bpf_map) is a kernel BTF access that the
; kernel allows. veristep must bring the kernel's BTF for it although the
; read is not through the register the map was loaded into.
.prog_type socket_filter
.map map_hash_8b hash key=8 value=8 entries=1
    r0 = map_hash_8b ll
    *(u64 *)(r10 - 8) = r0
    r2 = *(u64 *)(r10 - 8)
    r0 = *(u64 *)(r2 + 8)
    r0 = 0
    exit
