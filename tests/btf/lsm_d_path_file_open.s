; file_open may sleep: &file->f_path (offset 16 in 6.1's struct file) is
; a struct path; 6.12 lays struct file out differently
.prog_type lsm file_open
    r1 = *(u64 *)(r1 + 0)
    r1 += 16
    r2 = r10
    r2 += -16
    r3 = 16
    call bpf_d_path
    r0 = 0
    exit
