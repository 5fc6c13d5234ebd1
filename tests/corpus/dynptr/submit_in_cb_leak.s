; The same callback, but main trusts it and never releases the record: the
; callback's submit cleared main's dynptr, the reference it could not
; release stays with main and leaks at main's exit. The record can be
; neither submitted twice nor lost silently.
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
    r0 = 0
    exit
submit_cb:
    r1 = r2
    r2 = 0
    call bpf_ringbuf_submit_dynptr
    r0 = 0
    exit
