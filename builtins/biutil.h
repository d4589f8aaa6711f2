/* biutil.h: small helpers shared by the standalone builtins (echo.c,
 * printf.c, read.c, ...). Header-only so that no new module is needed. */
#ifndef BIUTIL_H
#define BIUTIL_H
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>

/* shell.h uses struct shell in prototypes before defining it; declare it
 * first so the header compiles on its own (reported to the lead). */
struct shell;
#include "shell.h"

/* Flushes stdout for builtin `name`; on a write error prints
 * "spsh: NAME: write error: REASON" and returns 1, else returns `status`.
 * Clears the stream's error flag either way so the next builtin starts
 * clean (the executor reuses stdout across redirections). Callers set
 * errno to 0 when they start so a failed earlier write is reported with
 * its own errno. */
static inline int
biu_flush(struct shell *sh, const char *name, int status)
{
	int err = 0;

	if (fflush(stdout) == EOF || ferror(stdout)) {
		err = errno != 0 ? errno : EIO;
		/* drop whatever could not be written */
		__fpurge(stdout);
	}
	clearerr(stdout);
	if (err != 0) {
		errno = err;
		diag_errno(sh, "%s: write error", name);
		return 1;
	}
	return status;
}

#endif
