; 6.12.95 disables no xfrm_decode_session hook (6.1 and later 6.12 releases do)
.prog_type lsm xfrm_decode_session
    r0 = 0
    exit
