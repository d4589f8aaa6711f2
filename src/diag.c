/* diag.c: every error message the shell prints goes through here, in the
 * usual shell form: "spsh: [NAME: line N: ]WHAT: message". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "shell.h"

/* Appends "spsh: " and, when running a script file, "NAME: line N: ". */
void
diag_prefix(struct shell *sh, struct strbuf *out)
{
	sb_adds(out, "spsh: ");
	if (sh != NULL && sh->script_name != NULL && !sh->opt.interactive)
		sb_printf(out, "%s: line %d: ", sh->script_name, sh->lineno);
}

static void
emit(struct strbuf *b)
{
	size_t off = 0;

	fflush(stdout);
	sb_addc(b, '\n');
	while (off < b->len) {
		ssize_t n = write(2, b->s + off, b->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	sb_free(b);
}

void
diag_error(struct shell *sh, const char *fmt, ...)
{
	struct strbuf b = STRBUF_INIT;
	va_list ap;

	diag_prefix(sh, &b);
	va_start(ap, fmt);
	sb_vprintf(&b, fmt, ap);
	va_end(ap);
	emit(&b);
}

void
diag_errno(struct shell *sh, const char *fmt, ...)
{
	struct strbuf b = STRBUF_INIT;
	int e = errno;
	va_list ap;

	diag_prefix(sh, &b);
	va_start(ap, fmt);
	sb_vprintf(&b, fmt, ap);
	va_end(ap);
	sb_printf(&b, ": %s", strerror(e));
	emit(&b);
	errno = e;
}

void
diag_syntax(struct shell *sh, const char *name, int lineno, const char *fmt, ...)
{
	struct strbuf b = STRBUF_INIT;
	va_list ap;

	sb_adds(&b, "spsh: ");
	if (name != NULL)
		sb_printf(&b, "%s: ", name);
	/* at the prompt a line number would count from the start of the
	 * session: bash prints none there */
	if (name != NULL || sh == NULL || !sh->opt.interactive)
		sb_printf(&b, "line %d: ", lineno);
	sb_adds(&b, "syntax error: ");
	va_start(ap, fmt);
	sb_vprintf(&b, fmt, ap);
	va_end(ap);
	emit(&b);
}

/* getopts's own messages (XCU getopts leaves their form open): bash
 * prefixes them with $0 alone, "script: illegal option -- x", without
 * "spsh:" or a line number. */
void
diag_getopts(struct shell *sh, const char *what, int c)
{
	struct strbuf b = STRBUF_INIT;

	sb_printf(&b, "%s: %s -- %c", sh->arg0 != NULL ? sh->arg0 : "spsh", what, c);
	emit(&b);
}

int
diag_usage(struct shell *sh, const char *name, const char *usage)
{
	diag_error(sh, "%s: usage: %s", name, usage);
	return 2;
}
