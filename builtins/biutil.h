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
#include <signal.h>
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
	if (err == EPIPE && sh->in_pipe_stage)
		return 128 + SIGPIPE;	/* as a forked stage killed by SIGPIPE */
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

/* For a builtin whose options (`letters`) change nothing: skips them and
 * `--`; an unknown one is reported with the usage (bash: `eval -x`).
 * Returns the index of the first operand, or -1 after the message (the
 * builtin's status is then 2). */
int biu_operands(struct shell *sh, const char *name, const char *letters, const char *usage,
    int argc, char **argv);

/* Marks a special builtin's error (sh->builtin_error: a non-interactive
 * shell exits, XCU 2.8.1) and returns status. */
int biu_special_error(struct shell *sh, int status);
/* "spsh: NAME: usage: USAGE", status 2, as a special builtin error. */
int biu_usage_error(struct shell *sh, const char *name, const char *usage);
/* "spsh: NAME: -x: invalid option" and the usage, as above. */
int biu_bad_option(struct shell *sh, const char *name, const char *opt, const char *usage);
/* Parses a non-negative decimal count; -1 if invalid. */
long biu_count_arg(const char *s);

/* Backslash escapes (bash's echo -e, printf formats and %b). biu_escape
 * reads the escape at *sp (just past the backslash), appends its byte(s)
 * to `out` and advances *sp; returns 1, 0 for \c (output stops), or -1
 * for a sequence that is not an escape under `flags` (nothing appended,
 * *sp unchanged: the caller keeps the backslash). */
enum {
	BIU_ESC_ZERO = 1,	/* \0nnn: up to three digits after the 0 */
	BIU_ESC_OCTAL = 2,	/* \nnn: one to three digits */
	BIU_ESC_STOP = 4,	/* \c ends the output */
	BIU_ESC_BASH = 8,	/* \e \E \xHH \uHHHH \UHHHHHHHH */
	BIU_ESC_ESC = 16,	/* \e alone (dash's and yash's echo) */
	BIU_ESC_QUOTE = 32,	/* \" \' \? (bash's printf formats) */
};
int biu_escape(const char **sp, unsigned flags, struct strbuf *out);
/* Expands every escape of `s` into `out`; false if \c stopped it. */
bool biu_expand_escapes(const char *s, unsigned flags, struct strbuf *out);
/* fwrite(b) to stdout, then biu_flush(sh, name, status). */
int biu_write(struct shell *sh, const char *name, const struct strbuf *b, int status);

/* True when `v` holds a character the shell treats specially, so `set`
 * and `complete -p` quote it (bash's sh_contains_shell_metas). */
bool biu_needs_quotes(const char *v);

/* Appends `s` quoted so the shell reads it back as one word (printf %q,
 * bash's rules: '' for empty, $'...' when a byte is not printable, else
 * backslashes before special characters). */
void biu_quote(const char *s, struct strbuf *out);

#endif
