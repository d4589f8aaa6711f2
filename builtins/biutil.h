/* biutil.h: small helpers shared by the builtins (echo.c, printf.c,
 * read.c, ...): the stdout flush and the option scanner (biutil.c). */
#ifndef BIUTIL_H
#define BIUTIL_H
#include <errno.h>
#include <stdbool.h>
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

/* Option scanner for the builtins that take options, after the utility
 * syntax guidelines (XCU 12.2): options are single letters after '-',
 * grouped ("-Pe"), an option-argument may be attached ("-pPROMPT") or the
 * next argument ("-p PROMPT"), "--" ends the options and so do "-" and the
 * first operand. A letter followed by ':' in `letters` takes an argument.
 * Errors print "spsh: NAME: -x: invalid option" (or "option requires an
 * argument") and "spsh: NAME: usage: USAGE"; the builtin then returns 2.
 *
 *	struct biu_opts o = { .name = "cd", .letters = "LPe", .usage = U };
 *	while ((c = biu_getopt(sh, &o, argc, argv)) != -1)
 *		switch (c) { case 'L': ...; case '?': return 2; }
 *	... argv[o.ind] is the first operand ...
 */
struct biu_opts {
	const char *name;	/* the builtin, for messages */
	const char *letters;	/* "LPe", "d:p:r" */
	const char *usage;	/* printed after "NAME: usage: " */
	bool num_operand;	/* "-5" is an operand (fc) */
	int ind;		/* next argument; 0 means 1 */
	const char *next;	/* the rest of a group being scanned */
	const char *arg;	/* the option-argument of the last option */
};

/* Returns the next option letter; -1 when the options end (o->ind is then
 * the first operand); '?' after an error has been printed. */
int biu_getopt(struct shell *sh, struct biu_opts *o, int argc, char **argv);

/* Marks a special builtin's error (sh->builtin_error: a non-interactive
 * shell exits, XCU 2.8.1) and returns status. */
int biu_special_error(struct shell *sh, int status);
/* "spsh: NAME: usage: USAGE", status 2, as a special builtin error. */
int biu_usage_error(struct shell *sh, const char *name, const char *usage);
/* "spsh: NAME: -x: invalid option" and the usage, as above. */
int biu_bad_option(struct shell *sh, const char *name, const char *opt, const char *usage);
/* Parses a non-negative decimal count; -1 if invalid. */
long biu_count_arg(const char *s);

#endif
