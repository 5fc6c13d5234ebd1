; 64 different maps in one program: exactly MAX_USED_MAPS, accepted.
.prog_type sched_cls
.map m0 array key=4 value=8 entries=1
.map m1 array key=4 value=8 entries=1
.map m2 array key=4 value=8 entries=1
.map m3 array key=4 value=8 entries=1
.map m4 array key=4 value=8 entries=1
.map m5 array key=4 value=8 entries=1
.map m6 array key=4 value=8 entries=1
.map m7 array key=4 value=8 entries=1
.map m8 array key=4 value=8 entries=1
.map m9 array key=4 value=8 entries=1
.map m10 array key=4 value=8 entries=1
.map m11 array key=4 value=8 entries=1
.map m12 array key=4 value=8 entries=1
.map m13 array key=4 value=8 entries=1
.map m14 array key=4 value=8 entries=1
.map m15 array key=4 value=8 entries=1
.map m16 array key=4 value=8 entries=1
.map m17 array key=4 value=8 entries=1
.map m18 array key=4 value=8 entries=1
.map m19 array key=4 value=8 entries=1
.map m20 array key=4 value=8 entries=1
.map m21 array key=4 value=8 entries=1
.map m22 array key=4 value=8 entries=1
.map m23 array key=4 value=8 entries=1
.map m24 array key=4 value=8 entries=1
.map m25 array key=4 value=8 entries=1
.map m26 array key=4 value=8 entries=1
.map m27 array key=4 value=8 entries=1
.map m28 array key=4 value=8 entries=1
.map m29 array key=4 value=8 entries=1
.map m30 array key=4 value=8 entries=1
.map m31 array key=4 value=8 entries=1
.map m32 array key=4 value=8 entries=1
.map m33 array key=4 value=8 entries=1
.map m34 array key=4 value=8 entries=1
.map m35 array key=4 value=8 entries=1
.map m36 array key=4 value=8 entries=1
.map m37 array key=4 value=8 entries=1
.map m38 array key=4 value=8 entries=1
.map m39 array key=4 value=8 entries=1
.map m40 array key=4 value=8 entries=1
.map m41 array key=4 value=8 entries=1
.map m42 array key=4 value=8 entries=1
.map m43 array key=4 value=8 entries=1
.map m44 array key=4 value=8 entries=1
.map m45 array key=4 value=8 entries=1
.map m46 array key=4 value=8 entries=1
.map m47 array key=4 value=8 entries=1
.map m48 array key=4 value=8 entries=1
.map m49 array key=4 value=8 entries=1
.map m50 array key=4 value=8 entries=1
.map m51 array key=4 value=8 entries=1
.map m52 array key=4 value=8 entries=1
.map m53 array key=4 value=8 entries=1
.map m54 array key=4 value=8 entries=1
.map m55 array key=4 value=8 entries=1
.map m56 array key=4 value=8 entries=1
.map m57 array key=4 value=8 entries=1
.map m58 array key=4 value=8 entries=1
.map m59 array key=4 value=8 entries=1
.map m60 array key=4 value=8 entries=1
.map m61 array key=4 value=8 entries=1
.map m62 array key=4 value=8 entries=1
.map m63 array key=4 value=8 entries=1
    r1 = m0 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m1 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m2 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m3 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m4 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m5 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m6 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m7 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m8 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m9 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m10 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m11 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m12 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m13 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m14 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m15 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m16 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m17 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m18 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m19 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m20 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m21 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m22 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m23 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m24 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m25 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m26 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m27 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m28 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m29 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m30 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m31 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m32 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m33 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m34 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m35 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m36 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m37 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m38 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m39 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m40 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m41 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m42 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m43 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m44 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m45 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m46 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m47 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m48 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m49 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m50 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m51 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m52 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m53 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m54 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m55 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m56 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m57 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m58 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m59 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m60 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m61 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m62 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r1 = m63 ll
    r2 = r10
    r2 += -4
    r3 = 0
    *(u32 *)(r10 - 4) = r3
    call bpf_map_lookup_elem
    r0 = 0
    exit
