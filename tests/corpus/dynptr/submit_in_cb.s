; A ring buffer dynptr released by a callback: main reserves a record as a
; dynptr at fp-16 and bpf_loop's callback submits it through callback_ctx.
; The callback may not release its caller's reference, yet the submit is
; accepted: both kernels ignore release_reference()'s refusal when they
; unmark a dynptr, so main's dynptr slots are gone while main still holds
; the reference. Main's own discard then finds no dynptr.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 16
    r3 = 0
    r4 = r10
    r4 += -16
    call bpf_ringbuf_reserve_dynptr
    r1 = 1
    r2 = submit_cb ll
    r3 = r10
    r3 += -16
    r4 = 0
    call bpf_loop
    r1 = r10
    r1 += -16
    r2 = 0
    call bpf_ringbuf_discard_dynptr
    r0 = 0
    exit
submit_cb:
    r1 = r2
    r2 = 0
    call bpf_ringbuf_submit_dynptr
    r0 = 0
    exit
