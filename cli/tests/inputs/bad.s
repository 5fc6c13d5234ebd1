; Two parse errors: an unknown register and a jump to a missing label.
    r0 = 0
    r11 = 1
    if r0 == 0 goto nowhere
    exit
