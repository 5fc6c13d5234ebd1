; a socket from a sockmap keeps the map in its register (reg->map_ptr), so at
; the join it never matches a socket from bpf_sk_lookup_tcp: walked twice
.prog_type sched_cls
.map socks sockmap key=4 value=4 entries=1
    r6 = r1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    call bpf_get_prandom_u32
    if r0 == 0 goto from_lookup
    r2 = r10
    r2 += -4
    r1 = socks ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r9 = r0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    if r2 != 0 goto out
    if r3 != 0 goto out
    r7 = 0
    r8 = 0
    goto use
from_lookup:
    r1 = 0
    *(u64 *)(r10 - 24) = r1
    *(u32 *)(r10 - 16) = r1
    r1 = r6
    r2 = r10
    r2 += -24
    r3 = 12
    r4 = -1
    r5 = 0
    call bpf_sk_lookup_tcp
    if r0 == 0 goto out
    r9 = r0
use:
    r1 = r9
    call bpf_sk_release
out:
    r0 = 0
    exit
