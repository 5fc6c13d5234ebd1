; T17: reading R2, which holds nothing at entry.
    r0 = r2
    exit
