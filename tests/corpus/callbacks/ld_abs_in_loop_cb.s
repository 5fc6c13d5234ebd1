; LD_ABS in a bpf_loop callback, on the context its caller spilled for it: both oracles accept it (6.1 and 6.12.95 walk the LD_ABS exit as the callback's return; 6.12.118 refuses LD_ABS/IND in any callback, a later fix).
.prog_type socket_filter
  *(u64 *)(r10 - 8) = r1
  r1 = 2
  r2 = cb ll
  r3 = r10
  r3 += -8
  r4 = 0
  call bpf_loop
  r0 = 0
  exit
cb:
  r6 = *(u64 *)(r2 + 0)
  r0 = *(u8 *)skb[0]
  r0 = 0
  exit
