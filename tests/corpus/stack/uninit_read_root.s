; Reading stack that was never written: allowed for a privileged loader.
    r0 = *(u64 *)(r10 - 8)
    r0 = 0
    exit
