/* diag.c: every error message the shell prints goes through here, in the
 * usual shell form: "spsh: [NAME: line N: ]WHAT: message". */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "shell.h"

/* Where a message comes from, as bash says it outside posix mode: the
 * file of the running function or `.` file, or of the script (bash:
 * BASH_SOURCE[0]; "environment" for a function defined by -c, "main"
 * for one read from standard input), else $0. */
const char *
diag_name(struct shell *sh)
{
	if (sh->nframes > 0 && sh->frames[sh->nframes - 1].source != NULL &&
	    *sh->frames[sh->nframes - 1].source != '\0')
		return sh->frames[sh->nframes - 1].source;
	return sh->arg0 != NULL ? sh->arg0 : "spsh";
}

/* Appends the prefix of a message. Interactive: "spsh: ". Posix mode:
 * "spsh: " and, in a script file, "FILE: line N: " (the words stay
 * dash's). Otherwise bash's "NAME: line N: " for every non-interactive
 * source (-c, a script, standard input, eval, `.`, functions), NAME from
 * diag_name(): `spsh -c 'x'` says "spsh: line 1: ...", a script
 * "script.sh: line 3: ...". */
void
diag_prefix(struct shell *sh, struct strbuf *out)
{
	if (sh == NULL || sh->opt.interactive) {
		sb_adds(out, "spsh: ");
	} else if (sh->opt.posix) {
		sb_adds(out, "spsh: ");
		if (sh->script_name != NULL)
			sb_printf(out, "%s: line %d: ", sh->script_name, sh->lineno);
	} else if (sh->lineno > 0) {
		sb_printf(out, "%s: line %d: ", diag_name(sh), sh->lineno);
	} else {
		sb_printf(out, "%s: ", diag_name(sh));
	}
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

/* The prefix of bash's system-call messages (its sys_error: "connect:
 * ...", "bad interpreter"): "NAME: " without the line outside posix mode. */
void
diag_sys_prefix(struct shell *sh, struct strbuf *out)
{
	if (sh == NULL || sh->opt.interactive || sh->opt.posix)
		diag_prefix(sh, out);
	else
		sb_printf(out, "%s: ", diag_name(sh));
}

static void
vdiag_errno(struct shell *sh, bool line, const char *fmt, va_list ap)
{
	struct strbuf b = STRBUF_INIT;
	int e = errno;

	if (line)
		diag_prefix(sh, &b);
	else
		diag_sys_prefix(sh, &b);
	sb_vprintf(&b, fmt, ap);
	sb_printf(&b, ": %s", strerror(e));
	emit(&b);
	errno = e;
}

void
diag_sys(struct shell *sh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_errno(sh, false, fmt, ap);
	va_end(ap);
}

void
diag_errno(struct shell *sh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_errno(sh, true, fmt, ap);
	va_end(ap);
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

void
diag_syntax_words(struct shell *sh, const char *name, int lineno, const char *posix,
    const char *bash, const char *text)
{
	struct strbuf pre = STRBUF_INIT, b = STRBUF_INIT;

	if (sh == NULL || sh->opt.posix) {
		diag_syntax(sh, name, lineno, "%s", posix);
		return;
	}
	if (sh->opt.interactive) {
		/* bash at the prompt: the words alone, no line */
		sb_printf(&b, "spsh: %s", bash);
		emit(&b);
		return;
	}
	/* bash's parser_error: the input is named after the file when it
	 * is not the file itself: "-c", "eval" */
	const char *e = diag_name(sh);
	const char *in = sh->eval_depth > 0 ? "eval" :
	    name == NULL && sh->opt.cmd_string && sh->input != NULL &&
	    sh->input->kind == INPUT_STRING ? "-c" : name;
	if (in != NULL && strcmp(in, e) != 0)
		sb_printf(&pre, "%s: %s: line %d: ", e, in, lineno);
	else
		sb_printf(&pre, "%s: line %d: ", e, lineno);
	sb_printf(&b, "%s%s", pre.s, bash);
	emit(&b);
	if (text != NULL) {
		sb_printf(&b, "%s`%s'", pre.s, text);
		emit(&b);
	}
	sb_free(&pre);
}

/* Why a command did not run, in the words of a spawn plan's child
 * (lib/spawn: plan.c gives it DIAG_NOT_FOUND outside posix mode). `path`
 * is the file tried, NULL when PATH had none; `err` is execve's errno.
 * Posix mode says "not found" (127) for every missing file, as dash.
 * Returns the status, 127 or 126. */
int
diag_exec(struct shell *sh, const char *name, const char *path, int err)
{
	struct stat st;

	if (path == NULL || (sh->opt.posix && (err == ENOENT || err == ENOTDIR))) {
		diag_error(sh, "%s: %s", name, sh->opt.posix ? "not found" : DIAG_NOT_FOUND);
		return 127;
	}
	if (sh->opt.posix)
		path = name;
	else if (err == ENOENT && stat(path, &st) == 0) {
		diag_error(sh, "%s: cannot execute: required file not found", path);
		return 127;
	}
	if (err == EACCES && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		err = EISDIR;
	errno = err;
	if (err != ENOENT && err != EISDIR && !sh->opt.posix) {
		/* a #! file whose interpreter fails: bash names it (the
		 * spawn child says the same, lib/spawn c_interp) */
		char buf[128];
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
		if (fd >= 0)
			close(fd);
		if (n > 2 && buf[0] == '#' && buf[1] == '!') {
			buf[n] = '\0';
			char *b = buf + 2 + strspn(buf + 2, " \t");
			b[strcspn(b, " \t\n\r")] = '\0';
			errno = err;
			diag_sys(sh, "%s: %s: bad interpreter", path, b);
			return 126;
		}
		errno = err;
	}
	diag_errno(sh, "%s", path);
	return err == ENOENT ? 127 : 126;
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
