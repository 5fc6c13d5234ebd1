; A fetching atomic (the old value into r1) through a stack pointer with a variable offset: refused by the first, register-less read, as the plain add is.
.prog_type socket_filter
  *(u64 *)(r10 - 8) = 0
  *(u64 *)(r10 - 16) = 0
  call bpf_get_prandom_u32
  r0 &= 8
  r3 = r10
  r3 += -16
  r3 += r0
  r1 = 1
  r1 = atomic_fetch_add((u64 *)(r3 + 0), r1)
  r0 = 0
  exit
