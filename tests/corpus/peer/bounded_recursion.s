; a subprogram that calls itself while r1 < 4: 6.1's check_cfg() refuses
; the back-edge; 6.12 walks the recursion (it ends after 4 calls) and then
; check_max_stack_depth() follows the calls without values and counts 8
; frames
.prog_type tracepoint
    r1 = 0
    call rec
    exit
rec:
    r1 += 1
    r0 = r1
    if r1 < 4 goto 1f
    exit
1:
    call rec
    exit
