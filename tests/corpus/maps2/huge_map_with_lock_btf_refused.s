; with a lock the key and value are typed, max_entries is still an int[N]
.prog_type sched_cls
.map m hash key=4 value=8 entries=1073741824 lock=0
    r1 = m ll
    r0 = 0
    exit
