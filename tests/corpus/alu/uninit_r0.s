; T17: exit with R0 never written.
    exit
