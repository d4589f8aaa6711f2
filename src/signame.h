/* signame.h: signal names and numbers (kill, trap, job messages). */
#ifndef SIGNAME_H
#define SIGNAME_H

/* Number of the signal named `s`: "INT", "SIGINT", "int", "RTMIN+2",
 * "SIGRTMAX-1" or a decimal number ("0" is accepted: kill -0). Returns -1
 * if unknown. */
int signame_to_num(const char *s);
/* Name of signal `n` without the SIG prefix ("INT", "RTMIN+3"), or NULL if
 * `n` is not a signal. Points to static storage, valid until the next call
 * for a realtime signal. */
const char *signame_from_num(int n);
/* bash's table of `trap -l`: " 1) SIGHUP" ..., five a line, on stdout. */
void signame_print_table(void);
/* Highest signal number + 1 (NSIG on Linux). */
int signame_max(void);

#endif
