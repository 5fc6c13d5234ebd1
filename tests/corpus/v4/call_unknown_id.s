; call 1000: a helper id no kernel has is the verifier's rejection, not a parse error
.prog_type socket_filter
r6 = r1
r1 = 1
r2 = 2
*(u64 *)(r10 - 8) = r1
call 1000
r0 = 0
exit
