; A 32-bit compare-and-exchange through a stack pointer with a variable offset (4-byte aligned, inside fp-16..fp-4).
.prog_type socket_filter
  *(u64 *)(r10 - 8) = 0
  *(u64 *)(r10 - 16) = 0
  call bpf_get_prandom_u32
  r0 &= 4
  r3 = r10
  r3 += -16
  r3 += r0
  w1 = 1
  w0 = 0
  w0 = cmpxchg32_32(r3 + 4, w0, w1)
  r0 = 0
  exit
