; `if r9 <= r9` on a scalar in [0, 1]: 6.12 refines the impossible fall-through (r9 > r9) through two pointers to one register, so the bounds cross; reg_bounds_sanity_check() prints one REG INVARIANTS VIOLATION line (false_reg1) and resets the register, and its alias false_reg2 then passes. 6.1 has no such check.
.prog_type socket_filter
  call bpf_get_prandom_u32
  r9 = r0
  r9 &= 1
  if r9 <= r9 goto l1
  r0 = 1
  exit
l1:
  r0 = 0
  exit
