/* getopts.h: state of the getopts builtin that other modules may reset. */
#ifndef GETOPTS_H
#define GETOPTS_H

/* Forgets the position inside a grouped option argument ("-abc"). var.c
 * should call it whenever OPTIND is assigned, so that `OPTIND=1` restarts
 * the scan even when OPTIND already was 1 (XCU getopts). */
void getopts_reset(void);

#endif
