/* getopts.h: state of the getopts builtin that other modules may reset. */
#ifndef GETOPTS_H
#define GETOPTS_H

struct shell;

/* Forgets the position inside a grouped option argument ("-abc"). Called
 * whenever OPTIND is assigned (a var.c hook registered by getopts_init),
 * so that `OPTIND=1` restarts the scan even when OPTIND already was 1
 * (XCU getopts). */
void getopts_reset(void);
void getopts_init(struct shell *sh);

#endif
