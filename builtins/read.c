/* read.c: the read utility (XCU read), with the -p and -d extensions of
 * bash and POSIX.1-2024's -d.
 *
 * Without a name operand the line goes to REPLY unsplit, as bash, ksh and
 * mksh do; POSIX.1-2024 requires a name (dash fails with "arg count"), so
 * this is an extension we keep for the scripts that rely on it.
 *
 * Input must not be consumed past the delimiter, since the rest belongs to
 * whatever reads fd 0 next: a pipe or terminal is read one byte at a time,
 * a regular file a block at a time with an lseek back over the unused part. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "biutil.h"
#include "shell.h"

#define USAGE "read [-r] [-p prompt] [-d delim] name..."

struct rd {
	struct shell *sh;
	int fd;
	bool block;		/* regular file: read blocks, seek back */
	size_t pos, len;
	char buf[4096];
};

enum { GOT, END, FAIL, INTR };

/* Next input byte into *c: GOT, END at end of file, FAIL with errno, or
 * INTR when a read was interrupted by a signal the shell has a trap for.
 * An interrupted read with no trap pending is simply retried. */
static int
getbyte(struct rd *r, char *c)
{
	ssize_t n;

	if (r->pos < r->len) {
		*c = r->buf[r->pos++];
		return GOT;
	}
	for (;;) {
		n = read(r->fd, r->buf, r->block ? sizeof r->buf : 1);
		if (n > 0)
			break;
		if (n == 0)
			return END;
		if (errno != EINTR)
			return FAIL;
		if (r->sh->pending_signals)
			return INTR;
	}
	r->pos = 0;
	r->len = (size_t)n;
	*c = r->buf[r->pos++];
	return GOT;
}

/* Gives back the bytes read ahead from a regular file. */
static void
unread_rest(struct rd *r)
{
	if (r->block && r->pos < r->len)
		lseek(r->fd, -(off_t)(r->len - r->pos), SEEK_CUR);
	r->pos = r->len = 0;
}

/* IFS character classes for splitting (XCU 2.6.5). */
struct ifs {
	const char *s;
};

static bool
is_ifs(const struct ifs *f, char c)
{
	return c != '\0' && strchr(f->s, c) != NULL;
}

static bool
is_ifs_ws(const struct ifs *f, char c)
{
	return (c == ' ' || c == '\t' || c == '\n') && is_ifs(f, c);
}

/* Splits line[0..n) (q[i] set where a byte was backslash-escaped, which
 * makes it an ordinary character) into the variables names[0..nnames),
 * XCU read: leading and trailing IFS white space is dropped; each
 * variable but the last takes one field; the last takes the rest of the
 * line, or just its field when only one field is left (so "a:b:" with
 * IFS=: gives b, while "a:b::" gives "b::", as every shell here does).
 * Returns 0, or 2 if an assignment failed (read-only variable). */
static int
assign(struct shell *sh, const char *line, const char *q, size_t n,
    char **names, int nnames, const struct ifs *f)
{
	size_t p = 0, e, k, end;
	int i, status = 0;
	char *val;

#define IWS(i) (!q[i] && is_ifs_ws(f, line[i]))
#define IFS(i) (!q[i] && is_ifs(f, line[i]))
	while (p < n && IWS(p))
		p++;
	for (i = 0; i < nnames; i++) {
		/* the field starting at p ends at e */
		for (e = p; e < n && !IFS(e); e++)
			;
		/* its delimiter: white space, at most one other IFS
		 * character, white space */
		for (k = e; k < n && IWS(k); k++)
			;
		if (k < n && IFS(k) && !IWS(k))
			for (k++; k < n && IWS(k); k++)
				;
		if (i == nnames - 1 && k < n) {
			/* last variable, more fields left: the rest of the
			 * line without trailing IFS white space */
			for (end = n; end > p && IWS(end - 1); end--)
				;
			e = end;
		}
		val = strndup(line + p, e - p);
		if (val == NULL)
			abort();
		if (var_set(sh, names[i], val, 0) != 0)
			status = 2;
		free(val);
		p = k;
	}
#undef IWS
#undef IFS
	return status;
}

/* The status for a read interrupted by a trapped signal: 128 + its number
 * (bash); 128 + SIGINT when no trapped signal is pending. */
static int
intr_status(struct shell *sh)
{
	int s = trap_first_pending();

	(void)sh;
	return 128 + (s > 0 && s < NSIG ? s : SIGINT);
}

/* read [-r] [-p prompt] [-d delim] name...: reads one logical line from
 * standard input and assigns its fields. 0, 1 at end of file (the
 * variables still get what was read), >1 on error or signal. */
int
bi_read(struct shell *sh, int argc, char **argv)
{
	struct rd r = { .sh = sh, .fd = 0 };
	struct strbuf line = STRBUF_INIT, quoted = STRBUF_INIT;
	const char *prompt = NULL;
	char delim = '\n', c;
	bool raw = false, esc = false;
	char **names;
	struct biu_opts o = { .name = "read", .letters = "d:p:r", .usage = USAGE };
	int i, opt, nnames, status = 0, got = GOT;
	struct ifs ifs;
	struct stat st;

	while ((opt = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (opt == '?')
			return 2;
		if (opt == 'r')
			raw = true;
		else if (opt == 'p')
			prompt = o.arg;
		else
			delim = *o.arg;	/* -d '': NUL ends the line */
	}
	i = o.ind;
	names = argv + i;
	nnames = argc - i;
	for (i = 0; i < nnames; i++)
		if (!var_is_name(names[i])) {
			diag_error(sh, "read: %s: bad variable name", names[i]);
			return 2;
		}

	/* bash and ksh show the prompt only when reading from a terminal */
	if (prompt != NULL && isatty(0)) {
		fputs(prompt, stderr);
		fflush(stderr);
	}
	r.block = fstat(0, &st) == 0 && S_ISREG(st.st_mode) &&
	    lseek(0, 0, SEEK_CUR) != (off_t)-1;

	for (;;) {
		got = getbyte(&r, &c);
		if (got != GOT)
			break;
		if (c == '\0' && delim != '\0')
			continue;	/* NUL bytes cannot be in a value */
		if (esc) {
			esc = false;
			if (c == '\n')
				continue;	/* line continuation */
			sb_addc(&line, c);
			sb_addc(&quoted, 1);
			continue;
		}
		if (c == delim)
			break;
		if (c == '\\' && !raw) {
			esc = true;
			continue;
		}
		sb_addc(&line, c);
		sb_addc(&quoted, 0);
	}
	unread_rest(&r);

	switch (got) {
	case GOT:
		break;
	case END:
		status = 1;
		break;
	case FAIL:
		diag_errno(sh, "read: read error");
		status = 2;
		goto out;
	case INTR:
		status = intr_status(sh);
		goto out;
	}
	if (nnames == 0) {
		/* REPLY: the whole line, unsplit (bash) */
		if (var_set(sh, "REPLY", line.s, 0) != 0)
			status = 2;
	} else {
		const char *v = var_get(sh, "IFS");

		ifs.s = v != NULL ? v : " \t\n";
		if (assign(sh, line.s, quoted.s, line.len, names, nnames, &ifs) != 0)
			status = 2;
	}
out:
	sb_free(&line);
	sb_free(&quoted);
	return status;
}
