; A plain load through the same variable-offset stack pointer is fine for root: the register-less read is an atomic's alone.
.prog_type socket_filter
  *(u64 *)(r10 - 8) = 0
  *(u64 *)(r10 - 16) = 0
  call bpf_get_prandom_u32
  r0 &= 8
  r3 = r10
  r3 += -16
  r3 += r0
  r0 = *(u64 *)(r3 + 0)
  r0 = 0
  exit
