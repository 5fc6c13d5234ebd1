// TEMPORARY STUB by the lead; helper-1 replaces this file.
