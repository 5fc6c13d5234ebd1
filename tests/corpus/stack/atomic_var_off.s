; An atomic add through a stack pointer with a variable offset: check_atomic() first reads the memory into no register, and check_stack_read() wants a fixed offset for that ("cannot be passed into helper function", though no helper is called).
.prog_type socket_filter
  *(u64 *)(r10 - 8) = 0
  *(u64 *)(r10 - 16) = 0
  call bpf_get_prandom_u32
  r0 &= 8
  r3 = r10
  r3 += -16
  r3 += r0
  r1 = 1
  lock *(u64 *)(r3 + 0) += r1
  r0 = 0
  exit
