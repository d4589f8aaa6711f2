/* read.c: the read utility (XCU read, with POSIX.1-2024's -d) and bash's
 * options: -n/-N character counts, -t timeouts (fractional; 0 polls),
 * -s (no echo), -u fd, -p prompt, -e/-i (accepted; the line is read
 * without an editor). A timeout gives 128 + SIGALRM with what was read
 * assigned, as bash does.
 *
 * Without a name operand the line goes to REPLY unsplit, as bash, ksh and
 * mksh do; POSIX.1-2024 requires a name (dash fails with "arg count"), so
 * this is an extension we keep for the scripts that rely on it.
 *
 * Input must not be consumed past the delimiter, since the rest belongs to
 * whatever reads fd 0 next: a pipe or terminal is read one byte at a time,
 * a regular file a block at a time. The block read ahead of a file opened
 * read-only stays for the next `read` of the same fd (`ahead`); the unread
 * part is given back with an lseek when anything else could use the
 * offset (read_sync: redirections of the fd, forks, spawns, exec, exit). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <poll.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "assign.h"
#include "biutil.h"
#include "shell.h"

#define USAGE "read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] " \
	"[-p prompt] [-t timeout] [-u fd] [name ...]"

struct rd {
	struct shell *sh;
	int fd;
	bool block;		/* regular file: read blocks (into ahead.buf) */
	bool timed;		/* -t: a deadline applies */
	struct timespec deadline; /* CLOCK_MONOTONIC */
	size_t pos, len;
	bool tty;		/* reading from a terminal */
	char *buf;		/* ahead.buf, or one[] a byte at a time */
	char one[1];
};

/* The read-ahead of a regular file: ahead.buf[pos..len) are bytes of fd
 * that the kernel's offset is past. fd is -1 when nothing is kept. */
static struct {
	int fd;
	dev_t dev;		/* the file, for read_sync_file */
	ino_t ino;
	size_t pos, len;
	char buf[4096];
} ahead = { .fd = -1 };

void
read_sync(void)
{
	if (ahead.fd < 0)
		return;
	if (ahead.pos < ahead.len)
		lseek(ahead.fd, -(off_t)(ahead.len - ahead.pos), SEEK_CUR);
	ahead.fd = -1;
	ahead.pos = ahead.len = 0;
}

void
read_sync_fd(int fd)
{
	if (ahead.fd == fd)
		read_sync();
}

void
read_sync_file(int fd)
{
	struct stat st;

	if (ahead.fd >= 0 && fstat(fd, &st) == 0 && st.st_dev == ahead.dev &&
	    st.st_ino == ahead.ino)
		read_sync();
}

enum { GOT, END, FAIL, INTR, TIMEOUT };

/* -s and -n/-N on a terminal change its modes; a SIGINT the shell does not
 * trap must not leave it so, so while they are changed SIGINT only sets
 * this flag, and read puts the terminal back before dying of it. */
static volatile sig_atomic_t got_sigint;

static void
on_sigint(int sig)
{
	got_sigint = sig;
}

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
		if (r->timed && !r->block) {
			struct timespec now;
			struct pollfd pfd = { .fd = r->fd, .events = POLLIN };
			long ms;

			clock_gettime(CLOCK_MONOTONIC, &now);
			ms = (r->deadline.tv_sec - now.tv_sec) * 1000 +
			    (r->deadline.tv_nsec - now.tv_nsec) / 1000000;
			if (ms <= 0)
				return TIMEOUT;
			n = poll(&pfd, 1, (int)(ms > INT_MAX ? INT_MAX : ms));
			if (n == 0)
				return TIMEOUT;
			if (n < 0) {
				if (errno != EINTR)
					return FAIL;
				if (r->sh->pending_signals || got_sigint)
					return INTR;
				continue;
			}
		}
		/* at a terminal a Ctrl-C just before the read must not be lost */
		if (r->tty && !trap_wait_input(r->sh, r->fd, &got_sigint))
			return INTR;
		n = read(r->fd, r->buf, r->block ? sizeof ahead.buf : 1);
		if (n > 0)
			break;
		if (n == 0)
			return END;
		if (errno != EINTR)
			return FAIL;
		if (r->sh->pending_signals || got_sigint)
			return INTR;
	}
	r->pos = 0;
	r->len = (size_t)n;
	*c = r->buf[r->pos++];
	return GOT;
}

/* Keeps the bytes read ahead from a regular file for the next read of
 * the fd, or gives them back when the fd is open for writing too (a write
 * by a builtin would go where the kernel's offset is). */
static void
unread_rest(struct rd *r, const struct stat *st)
{
	if (!r->block)
		return;
	ahead.pos = r->pos;
	ahead.len = r->len;
	if (ahead.fd != r->fd) {
		int fl = fcntl(r->fd, F_GETFL);
		ahead.fd = r->fd;
		ahead.dev = st->st_dev;
		ahead.ino = st->st_ino;
		if (fl < 0 || (fl & O_ACCMODE) != O_RDONLY)
			read_sync();
	}
}

/* IFS character classes for splitting (XCU 2.6.5). */

static size_t
ifs_len(const struct ifs_set *f, const char *s, size_t n)
{
	return ifs_set_at(f, s, n);
}

static bool
is_ifs_ws(const struct ifs_set *f, char c)
{
	return (c == ' ' || c == '\t' || c == '\n') && ifs_set_at(f, &c, 1);
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
    char **names, int nnames, const struct ifs_set *f)
{
	size_t p = 0, e, k, end;
	int i, status = 0;
	char *val;

#define IWS(i) (!q[i] && is_ifs_ws(f, line[i]))
#define IFS(i) (!q[i] && ifs_len(f, line + (i), n - (i)) > 0)
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
			for (k += ifs_len(f, line + k, n - k); k < n && IWS(k); k++)
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
		if (assign_lvalue(sh, names[i], val) != 0)
			status = 2;
		free(val);
		p = k;
	}
#undef IWS
#undef IFS
	return status;
}

/* read -a: every field of line[0..n) (split as assign() does) becomes an
 * element of the indexed array `name`, from 0, after it is emptied.
 * Returns 0, or 2 after a diagnostic. */
static int
assign_array(struct shell *sh, const char *line, const char *q, size_t n,
    const char *name, const struct ifs_set *f)
{
	struct var *v = var_declare(sh, name);
	size_t p = 0, e;
	long idx = 0;
	char *val;

	if (v == NULL || var_array_clear(sh, v) != 0)
		return 2;
#define IWS(i) (!q[i] && is_ifs_ws(f, line[i]))
#define IFS(i) (!q[i] && ifs_len(f, line + (i), n - (i)) > 0)
	while (p < n && IWS(p))
		p++;
	while (p < n) {
		for (e = p; e < n && !IFS(e); e++)
			;
		if ((val = strndup(line + p, e - p)) == NULL)
			abort();
		if (var_elem_set(sh, v, idx++, val, false) != 0) {
			free(val);
			return 2;
		}
		free(val);
		/* the delimiter: white space, at most one other IFS
		 * character, white space */
		for (p = e; p < n && IWS(p); p++)
			;
		if (p < n && IFS(p) && !IWS(p))
			for (p += ifs_len(f, line + p, n - p); p < n && IWS(p); p++)
				;
	}
#undef IWS
#undef IFS
	return 0;
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

/* Parses a -t operand: seconds, with an optional fraction. */
static bool
parse_timeout(const char *s, struct timespec *ts)
{
	char *end;
	double v;

	if (*s == '\0' || *s == '-' || *s == '+')
		return false;
	errno = 0;
	v = strtod(s, &end);
	if (*end != '\0' || errno != 0 || v < 0 || v > 1e9)
		return false;
	ts->tv_sec = (time_t)v;
	ts->tv_nsec = (long)((v - (double)ts->tv_sec) * 1e9);
	return true;
}

/* A -n/-N/-u operand: a non-negative decimal integer, else -1. */
static long
parse_count(const char *s)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	return *end != '\0' || errno != 0 || v > INT_MAX ? -1 : v;
}

/* Bytes in the UTF-8 sequence that starts with lead byte c (1 outside a
 * multibyte locale or for a byte that is not a lead byte). */
static int
seq_len(unsigned char c)
{
	if (MB_CUR_MAX == 1 || c < 0xc0)
		return 1;
	return c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* read [-ers] [-d delim] [-n|-N nchars] [-p prompt] [-t timeout] [-u fd]
 * [name...]: reads one logical line (or nchars characters) from standard
 * input (or fd) and assigns its fields. 0, 1 at end of file (the
 * variables still get what was read), 128+SIGALRM on a timeout, >1 on
 * error or signal. */
int
bi_read(struct shell *sh, int argc, char **argv)
{
	struct rd r = { 0 };
	struct strbuf line = STRBUF_INIT, quoted = STRBUF_INIT;
	const char *prompt = NULL, *array = NULL;
	char delim = '\n', c;
	bool raw = false, esc = false, silent = false, exact = false;
	long nchars = -1, chars = 0, v;
	const char *ifsv;
	int more = 0;		/* continuation bytes of the current char */
	char **names;
	struct biu_opts o = { .name = "read", .letters = "a:d:ei:n:N:p:rst:u:",
	    .usage = USAGE };
	int i, opt, nnames, status = 0, got = GOT;
	struct timespec timeout = { 0, 0 };
	bool timed = false, tty_changed = false;
	struct termios saved, t;
	struct sigaction sa_old, sa;
	struct ifs_set ifs;
	struct stat st = { 0 };
	bool reg;

	r.sh = sh;
	r.fd = 0;
	while ((opt = biu_getopt(sh, &o, argc, argv)) != -1) {
		switch (opt) {
		case '?':
			return 2;
		case 'r': raw = true; break;
		case 'a': array = o.arg; break;
		case 's': silent = true; break;
		case 'e': break;	/* no line editor for read (yet) */
		case 'i': break;	/* -i goes with -e */
		case 'p': prompt = o.arg; break;
		case 'd': delim = *o.arg; break;	/* -d '': NUL */
		case 'n': case 'N':
			if ((v = parse_count(o.arg)) < 0) {
				diag_error(sh, "read: %s: invalid number", o.arg);
				return 1;
			}
			nchars = v;
			exact = opt == 'N';
			break;
		case 't':
			if (!parse_timeout(o.arg, &timeout)) {
				diag_error(sh, "read: %s: invalid timeout "
				    "specification", o.arg);
				return 1;
			}
			timed = true;
			break;
		case 'u':
			if ((v = parse_count(o.arg)) < 0 ||
			    fcntl((int)v, F_GETFD) == -1) {
				diag_error(sh, "read: %s: invalid file "
				    "descriptor specification", o.arg);
				return 1;
			}
			r.fd = (int)v;
			break;
		}
	}
	i = o.ind;
	names = argv + i;
	nnames = argc - i;
	if (array != NULL && !var_is_name(array)) {
		diag_error(sh, "read: `%s': not a valid identifier", array);
		return 2;
	}
	for (i = 0; i < nnames; i++)
		if (!assign_lvalue_ok(names[i])) {
			diag_error(sh, "read: %s: bad variable name", names[i]);
			return 2;
		}

	if (timed && timeout.tv_sec == 0 && timeout.tv_nsec == 0) {
		/* -t 0: is there input (or end of file) to read? */
		struct pollfd pfd = { .fd = r.fd, .events = POLLIN };

		return poll(&pfd, 1, 0) == 1 ? 0 : 1;
	}
	if (nchars == 0) {
		/* nothing to read: the variables are emptied (bash) */
		return assign_lvalue(sh, nnames > 0 ? names[0] : "REPLY", "") != 0
		    ? 2 : 0;
	}
	if (nchars > 0)
		shell_locale();		/* seq_len() needs LC_CTYPE */
	if (timed) {
		clock_gettime(CLOCK_MONOTONIC, &r.deadline);
		r.deadline.tv_sec += timeout.tv_sec;
		r.deadline.tv_nsec += timeout.tv_nsec;
		if (r.deadline.tv_nsec >= 1000000000) {
			r.deadline.tv_sec++;
			r.deadline.tv_nsec -= 1000000000;
		}
		r.timed = true;
	}

	/* bash and ksh show the prompt only when reading from a terminal; a
	 * regular file is none, and needs no TCGETS to say so (a read loop
	 * over a file pays one fstat, one read and one lseek a line) */
	if (ahead.fd >= 0 && (ahead.fd != r.fd || timed))
		read_sync();	/* one fd kept; -t reads a byte at a time */
	reg = ahead.fd == r.fd || (fstat(r.fd, &st) == 0 && S_ISREG(st.st_mode));
	r.tty = !reg && isatty(r.fd);
	if (prompt != NULL && r.tty) {
		fputs(prompt, stderr);
		fflush(stderr);
	}
	if ((silent || nchars > 0) && !reg && tcgetattr(r.fd, &saved) == 0) {
		t = saved;
		if (silent)
			t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		if (nchars > 0) {
			t.c_lflag &= ~(tcflag_t)ICANON;
			t.c_cc[VMIN] = 1;
			t.c_cc[VTIME] = 0;
		}
		got_sigint = 0;
		sigaction(SIGINT, NULL, &sa_old);
		if (sa_old.sa_handler == SIG_DFL) {
			memset(&sa, 0, sizeof sa);
			sa.sa_handler = on_sigint;	/* no SA_RESTART */
			sigemptyset(&sa.sa_mask);
			sigaction(SIGINT, &sa, NULL);
		}
		tcsetattr(r.fd, TCSADRAIN, &t);
		tty_changed = true;
	}
	r.block = !timed && reg;	/* a regular file can seek */
	r.buf = r.one;
	if (r.block) {
		r.buf = ahead.buf;
		if (ahead.fd == r.fd) {
			r.pos = ahead.pos;
			r.len = ahead.len;
		}
	}

	for (;;) {
		if (more == 0 && nchars > 0 && chars >= nchars)
			break;
		if (raw && nchars < 0 && delim != '\0' && r.pos < r.len) {
			/* read -r: the buffered bytes before the delimiter (or
			 * a NUL) in one piece, none of them quoted */
			size_t n = 0;
			while (r.pos + n < r.len && r.buf[r.pos + n] != delim && r.buf[r.pos + n] != '\0')
				n++;
			sb_addn(&line, r.buf + r.pos, n);
			sb_grow(&quoted, n);
			memset(quoted.s + quoted.len, 0, n);
			quoted.len += n;
			quoted.s[quoted.len] = '\0';
			r.pos += n;
		}
		got = getbyte(&r, &c);
		if (got != GOT)
			break;
		if (more > 0) {
			/* rest of a multibyte character already counted */
			more--;
			sb_addc(&line, c);
			sb_addc(&quoted, esc);
			continue;
		}
		if (c == '\0' && delim != '\0')
			continue;	/* NUL bytes cannot be in a value */
		if (esc) {
			esc = false;
			if (c == '\n')
				continue;	/* line continuation */
			chars++;
			more = seq_len((unsigned char)c) - 1;
			sb_addc(&line, c);
			sb_addc(&quoted, 1);
			continue;
		}
		if (c == delim && !exact)
			break;
		if (c == '\\' && !raw) {
			esc = true;
			continue;
		}
		chars++;
		more = seq_len((unsigned char)c) - 1;
		sb_addc(&line, c);
		sb_addc(&quoted, 0);
	}
	unread_rest(&r, &st);
	if (tty_changed) {
		tcsetattr(r.fd, TCSADRAIN, &saved);
		if (sa_old.sa_handler == SIG_DFL) {
			sigaction(SIGINT, &sa_old, NULL);
			if (got_sigint)
				raise(SIGINT);
		}
	}

	switch (got) {
	case GOT:
		break;
	case END:
		status = 1;
		break;
	case TIMEOUT:
		status = 128 + SIGALRM;
		break;
	case FAIL:
		diag_errno(sh, "read: read error");
		status = 1;	/* bash, dash, yash */
		goto out;
	case INTR:
		status = intr_status(sh);
		goto out;
	}
	if (array != NULL) {
		ifs_set_init(&ifs, var_get(sh, "IFS"));
		if (assign_array(sh, line.s, quoted.s, line.len, array, &ifs) != 0)
			status = sh->opt.posix ? 2 : 1;	/* bash: 1 */
	} else if (nnames == 0 || exact || ((ifsv = var_get(sh, "IFS")) != NULL && *ifsv == '\0')) {
		/* REPLY, or -N's one variable, or IFS empty: the text
		 * unsplit (bash) */
		if (assign_lvalue(sh, nnames > 0 ? names[0] : "REPLY", line.s) != 0)
			status = sh->opt.posix ? 2 : 1;
		for (i = 1; i < nnames; i++)
			if (assign_lvalue(sh, names[i], "") != 0)
				status = sh->opt.posix ? 2 : 1;
	} else {
		ifs_set_init(&ifs, var_get(sh, "IFS"));
		if (assign(sh, line.s, quoted.s, line.len, names, nnames, &ifs) != 0)
			status = sh->opt.posix ? 2 : 1;
	}
out:
	sb_free(&line);
	sb_free(&quoted);
	return status;
}
