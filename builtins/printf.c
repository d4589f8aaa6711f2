/* printf.c: the printf utility (XCU printf). The format is reused while
 * arguments remain; missing arguments are taken as "" or 0; a numeric
 * argument starting with ' or " gives the code of the next character.
 * Each conversion is formatted with snprintf from a rebuilt specification.
 * Extensions as bash has them: length modifiers (l, ll, h, j, z, t, L) are
 * accepted and ignored. Floating conversions use double, as dash does. */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "assign.h"
#include "biutil.h"
#include "shell.h"

/* When the shell started, for %(...)T with -2. */
static time_t start_time;

__attribute__((constructor)) static void
note_start(void)
{
	start_time = time(NULL);
}

struct pf {
	struct shell *sh;
	char **args;		/* remaining operands */
	bool consumed;		/* this pass of the format used an operand */
	bool stop;		/* \c seen in %b, or a bad directive: stop all */
	int status;
	char *buf;		/* snprintf output, heap */
	size_t cap;
	struct strbuf out;	/* the whole output: stdout or -v's variable */
};

/* Next operand, or NULL when none is left. */
static const char *
next_arg(struct pf *p)
{
	if (*p->args == NULL)
		return NULL;
	p->consumed = true;
	return *p->args++;
}

/* Character code of s[1] for the 'c / "c form (XCU printf: "the numeric
 * value in the underlying codeset of the character following the quote").
 * A multibyte character gives its wide value in the current locale. */
enum { PF_MAX_SIZE = 1 << 28 };

static intmax_t
quote_value(const char *s)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;

	if (s[1] == '\0')
		return 0;
	memset(&st, 0, sizeof st);
	shell_locale();
	n = mbrtowc(&wc, s + 1, strlen(s + 1), &st);
	if (n == (size_t)-1 || n == (size_t)-2)
		return (unsigned char)s[1];
	return wc;
}

/* Reports a conversion problem for operand `s`: status 1, output goes on
 * (XCU printf: "shall continue processing any remaining operands"). A value
 * out of range is clamped; outside posix mode that is only a warning with
 * status 0, as in bash 5.2 (dash: status 1). */
static void
check_conv(struct pf *p, const char *s, const char *end)
{
	if (errno == ERANGE) {
		if (!p->sh->opt.posix) {
			diag_error(p->sh, "printf: warning: %s: %s", s, strerror(ERANGE));
			return;
		}
		diag_error(p->sh, "printf: %s: %s", s, strerror(ERANGE));
		p->status = 1;
	} else if (*s != '\0' && (end == s || *end != '\0')) {
		/* an empty operand is 0 without a message, as in dash, bash
		 * and mksh (only yash complains) */
		diag_error(p->sh, "printf: %s: invalid number", s);
		p->status = 1;
	}
}

/* A field width or precision: exact up to 256 MiB (bash and dash have no
 * limit but memory); beyond, an error instead of a silent cut. */
static int
clamp_size(struct pf *p, intmax_t v)
{
	if (v > PF_MAX_SIZE) {
		diag_error(p->sh, "printf: %jd: field width or precision too large", v);
		p->status = 1;
		return PF_MAX_SIZE;
	}
	return (int)v;
}

/* Next operand as a signed integer (C constant syntax: 0x.., 0..). */
static intmax_t
get_int(struct pf *p)
{
	const char *s = next_arg(p);
	char *end;
	intmax_t v;

	if (s == NULL)
		return 0;
	if (*s == '\'' || *s == '"')
		return quote_value(s);
	errno = 0;
	v = strtoimax(s, &end, 0);
	check_conv(p, s, end);
	return v;
}

/* Next operand as an unsigned integer, as strtoumax reads it: a negative
 * value is negated in unsigned arithmetic (dash, bash: %u -1 gives 2^64-1,
 * %u -18446744073709551615 gives 1). */
static uintmax_t
get_uint(struct pf *p)
{
	const char *s = next_arg(p);
	char *end;
	uintmax_t v;

	if (s == NULL)
		return 0;
	if (*s == '\'' || *s == '"')
		return (uintmax_t)quote_value(s);
	errno = 0;
	v = strtoumax(s, &end, 0);
	check_conv(p, s, end);
	return v;
}

/* Next operand as a floating value. */
static double
get_double(struct pf *p)
{
	const char *s = next_arg(p);
	char *end;
	double v;

	if (s == NULL)
		return 0;
	if (*s == '\'' || *s == '"')
		return (double)quote_value(s);
	errno = 0;
	v = strtod(s, &end);
	/* underflow to a tiny value is not an error worth a message */
	if (errno == ERANGE && v > -1 && v < 1)
		errno = 0;
	check_conv(p, s, end);
	return v;
}

/* snprintf into p->buf, growing it; writes the result (which may hold NUL
 * bytes for %c) to stdout. */
static void
emit(struct pf *p, const char *spec, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, spec);
		n = vsnprintf(p->buf, p->cap, spec, ap);
		va_end(ap);
		if (n < 0)
			return;
		if ((size_t)n < p->cap)
			break;
		p->cap = (size_t)n + 64;
		p->buf = realloc(p->buf, p->cap);
		if (p->buf == NULL)
			abort();
	}
	sb_addn(&p->out, p->buf, (size_t)n);
}

/* Appends b to the output, padded with spaces to `width` (on the right
 * when `left`); b may hold NUL bytes, so snprintf cannot do it. */
static void
pad(struct pf *p, const struct strbuf *b, int width, bool left)
{
	size_t fill = (size_t)width > b->len ? (size_t)width - b->len : 0;

	if (!left)
		for (size_t i = 0; i < fill; i++)
			sb_addc(&p->out, ' ');
	sb_addn(&p->out, b->s, b->len);
	if (left)
		for (size_t i = 0; i < fill; i++)
			sb_addc(&p->out, ' ');
}

/* %(fmt)T: formats the next operand (seconds since the epoch; -1 or no
 * operand: now; -2: when the shell started) with strftime. An empty fmt
 * is "%X", as bash has it. */
static void
time_fmt(struct pf *p, const char *fmt, size_t len, struct strbuf *b)
{
	const char *s = next_arg(p);
	char *f = strndup(fmt, len);
	char buf[1024];
	intmax_t v = -1;
	time_t t;
	struct tm tm;
	size_t n;
	char *end;

	if (f == NULL)
		abort();
	if (s != NULL && *s != '\0') {
		errno = 0;
		v = strtoimax(s, &end, 0);
		check_conv(p, s, end);
	}
	if (v == -2)
		t = start_time;
	else if (v == -1)
		t = time(NULL);
	else
		t = (time_t)v;
	locale_tz(p->sh);
	localtime_r(&t, &tm);
	n = strftime(buf, sizeof buf, *f != '\0' ? f : "%X", &tm);
	sb_addn(b, buf, n);
	free(f);
}

/* Handles one conversion specification starting at `f` (on the %).
 * Returns a pointer past it. */
static const char *
conversion(struct pf *p, const char *f)
{
	const char *start = f;
	char spec[64];
	size_t n = 0;
	bool have_prec = false;
	int width = 0, prec = 0;
	bool have_width = false;

	spec[n++] = '%';
	f++;
	if (*f == '%')
		return sb_addc(&p->out, '%'), f + 1;
	/* flags */
	while (*f != '\0' && strchr("-+ #0'", *f) != NULL) {
		if (n < 8)
			spec[n++] = *f;
		f++;
	}
	/* field width */
	if (*f == '*') {
		intmax_t w = get_int(p);

		if (w < 0) {
			spec[n++] = '-';
			w = -w;
		}
		width = clamp_size(p, w);
		have_width = true;
		f++;
	} else if (*f >= '0' && *f <= '9') {
		long w = strtol(f, (char **)&f, 10);

		width = clamp_size(p, w);
		have_width = true;
	}
	/* precision */
	if (*f == '.') {
		f++;
		have_prec = true;
		if (*f == '*') {
			intmax_t pr = get_int(p);

			f++;
			if (pr < 0)
				have_prec = false;	/* as if omitted (C rule) */
			else
				prec = clamp_size(p, pr);
		} else {
			long pr = strtol(f, (char **)&f, 10);

			prec = pr < 0 ? 0 : clamp_size(p, pr);
		}
	}
	/* length modifiers: accepted and ignored (bash does the same) */
	while (*f != '\0' && strchr("hlLjzt", *f) != NULL)
		f++;
	if (have_width)
		n += (size_t)snprintf(spec + n, sizeof spec - n, "%d", width);
	if (have_prec)
		n += (size_t)snprintf(spec + n, sizeof spec - n, ".%d", prec);

	switch (*f) {
	case 'd': case 'i':
		snprintf(spec + n, sizeof spec - n, "j%c", *f);
		emit(p, spec, get_int(p));
		break;
	case 'o': case 'u': case 'x': case 'X':
		snprintf(spec + n, sizeof spec - n, "j%c", *f);
		emit(p, spec, get_uint(p));
		break;
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
	case 'a': case 'A':
		snprintf(spec + n, sizeof spec - n, "%c", *f);
		emit(p, spec, get_double(p));
		break;
	case 'c': {
		/* the first byte of the operand (its NUL if empty, as dash
		 * and bash write it) */
		const char *s = next_arg(p);

		snprintf(spec + n, sizeof spec - n, "c");
		emit(p, spec, s != NULL ? (unsigned char)*s : 0);
		break;
	}
	case 's': {
		const char *s = next_arg(p);

		snprintf(spec + n, sizeof spec - n, "s");
		emit(p, spec, s != NULL ? s : "");
		break;
	}
	case 'b': {
		const char *s = next_arg(p);
		struct strbuf b = STRBUF_INIT;

		if (s != NULL && !biu_expand_escapes(s, BIU_ESC_ZERO |
		    BIU_ESC_OCTAL | BIU_ESC_STOP | BIU_ESC_BASH, &b))
			p->stop = true;
		if (have_prec && b.len > (size_t)prec)
			b.len = (size_t)prec;
		/* the expanded text may hold NUL bytes: pad by hand */
		pad(p, &b, have_width ? width : 0, strchr(spec, '-') != NULL);
		sb_free(&b);
		break;
	}
	case 'q': {
		const char *s = next_arg(p);
		struct strbuf b = STRBUF_INIT;

		biu_quote(s != NULL ? s : "", &b);
		if (have_prec && b.len > (size_t)prec)
			b.len = (size_t)prec;
		pad(p, &b, have_width ? width : 0, strchr(spec, '-') != NULL);
		sb_free(&b);
		break;
	}
	case '(': {
		/* %(fmt)T: strftime of an epoch operand; -1 (or none) is
		 * now, -2 the shell's start (bash) */
		const char *close = strchr(f, ')');
		struct strbuf b = STRBUF_INIT;

		if (close == NULL || close[1] != 'T') {
			diag_error(p->sh, "printf: `%c': invalid format character", '(');
			p->status = 1;
			p->stop = true;
			return close == NULL ? f + strlen(f) : close + 1;
		}
		time_fmt(p, f + 1, (size_t)(close - f - 1), &b);
		if (have_prec && b.len > (size_t)prec)
			b.len = (size_t)prec;
		pad(p, &b, have_width ? width : 0, strchr(spec, '-') != NULL);
		sb_free(&b);
		return close + 2;
	}
	case '\0':
		diag_error(p->sh, "printf: %s: missing format character", start);
		p->status = 1;
		p->stop = true;
		return f;
	default:
		/* unknown conversion character */
		diag_error(p->sh, "printf: %.*s: invalid directive",
		    (int)(f - start + 1), start);
		p->status = 1;
		p->stop = true;
		return f + 1;
	}
	return f + 1;
}

#define USAGE "printf [-v var] format [arguments]"

/* printf [-v var] format [argument...]: the output is built whole, then
 * written (one write, retried on EINTR and short writes) or, with -v,
 * assigned to var (bash). */
int
bi_printf(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "printf", .letters = "v:", .usage = USAGE };
	struct pf p = { .sh = sh, .out = STRBUF_INIT };
	const char *fmt, *f, *var = NULL;
	int c;

	errno = 0;
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		var = o.arg;
	}
	if (var != NULL && !assign_lvalue_ok(var)) {
		diag_error(sh, "printf: `%s': not a valid identifier", var);
		return 2;
	}
	if (o.ind >= argc)
		return diag_usage(sh, "printf", USAGE);
	fmt = argv[o.ind];
	p.args = argv + o.ind + 1;
	do {
		p.consumed = false;
		for (f = fmt; *f != '\0' && !p.stop;) {
			if (*f == '%') {
				f = conversion(&p, f);
			} else if (*f == '\\' && f[1] != '\0') {
				f++;
				if (biu_escape(&f, BIU_ESC_OCTAL | BIU_ESC_BASH |
				    (sh->opt.posix ? 0 : BIU_ESC_QUOTE), &p.out) < 0)
					sb_addc(&p.out, '\\');
			} else {
				sb_addc(&p.out, *f++);
			}
		}
	} while (!p.stop && p.consumed && *p.args != NULL);
	free(p.buf);
	if (var != NULL) {
		/* the value stops at a NUL byte, as in bash */
		if (assign_lvalue(sh, var, p.out.s ? p.out.s : "") != 0)
			p.status = 1;
		sb_free(&p.out);
		return biu_flush(sh, "printf", p.status);
	}
	c = biu_write(sh, "printf", &p.out, p.status);
	sb_free(&p.out);
	return c;
}
