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
#include <wchar.h>

#include "biutil.h"
#include "shell.h"

struct pf {
	struct shell *sh;
	char **args;		/* remaining operands */
	bool consumed;		/* this pass of the format used an operand */
	bool stop;		/* \c seen in %b, or a bad directive: stop all */
	int status;
	char *buf;		/* snprintf output, heap */
	size_t cap;
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
 * (XCU printf: "shall continue processing any remaining operands"). */
static void
check_conv(struct pf *p, const char *s, const char *end)
{
	if (errno == ERANGE) {
		diag_error(p->sh, "printf: %s: %s", s, strerror(ERANGE));
		p->status = 1;
	} else if (*s != '\0' && (end == s || *end != '\0')) {
		/* an empty operand is 0 without a message, as in dash, bash
		 * and mksh (only yash complains) */
		diag_error(p->sh, "printf: %s: invalid number", s);
		p->status = 1;
	}
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

/* Next operand as an unsigned integer; a negative value wraps around the
 * way C's conversion to unsigned does (dash, bash: %u -1 gives 2^64-1). */
static uintmax_t
get_uint(struct pf *p)
{
	const char *s = next_arg(p);
	const char *t;
	char *end;
	uintmax_t v;

	if (s == NULL)
		return 0;
	if (*s == '\'' || *s == '"')
		return (uintmax_t)quote_value(s);
	for (t = s; *t == ' ' || *t == '\t' || *t == '\n'; t++)
		;
	errno = 0;
	if (*t == '-')
		v = (uintmax_t)strtoimax(s, &end, 0);
	else
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

/* Writes the octal escape value starting at *sp (at most `max` digits) and
 * advances *sp past the digits. */
static int
octal(const char **sp, int max)
{
	const char *s = *sp;
	int c = 0, i;

	for (i = 0; i < max && *s >= '0' && *s <= '7'; i++)
		c = c * 8 + (*s++ - '0');
	*sp = s;
	return c & 0xff;
}

/* Reads the escape after a backslash at *sp (pointing past the backslash)
 * into *out. `in_b`: %b operand rules (\0ddd, \c); otherwise the format's
 * rules (\ddd). Returns 1 with *out set, 0 for \c (stop), -1 for an unknown
 * escape (the caller writes the backslash and leaves the character). */
static int
escape(const char **sp, bool in_b, int *out)
{
	const char *s = *sp;
	int c;

	switch (*s) {
	case 'a': c = '\a'; break;
	case 'b': c = '\b'; break;
	case 'f': c = '\f'; break;
	case 'n': c = '\n'; break;
	case 'r': c = '\r'; break;
	case 't': c = '\t'; break;
	case 'v': c = '\v'; break;
	case 'e': c = 033; break;	/* extension: dash, bash, mksh */
	case '\\': c = '\\'; break;
	case 'c':
		if (!in_b)
			return -1;	/* literal in the format, as dash and bash */
		return 0;
	case '0':
		if (in_b) {
			/* XCU printf %b: \0ddd, zero to three digits after 0 */
			s++;
			*out = octal(&s, 3);
			*sp = s;
			return 1;
		}
		/* FALLTHROUGH */
	case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		/* \ddd: one to three octal digits (in %b this is dash's and
		 * bash's reading; POSIX leaves it unspecified there) */
		*out = octal(&s, 3);
		*sp = s;
		return 1;
	default:
		return -1;
	}
	*out = c;
	*sp = s + 1;
	return 1;
}

/* Expands the escapes of a %b operand into `out`. Returns false if \c
 * was seen (the rest of the output is suppressed). */
static bool
expand_b(const char *s, struct strbuf *out)
{
	int c, r;

	while (*s != '\0') {
		if (*s != '\\' || s[1] == '\0') {
			sb_addc(out, *s++);
			continue;
		}
		s++;
		r = escape(&s, true, &c);
		if (r == 0)
			return false;
		if (r < 0)
			sb_addc(out, '\\');
		else
			sb_addc(out, (char)c);
	}
	return true;
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
	fwrite(p->buf, 1, (size_t)n, stdout);
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
		return putchar('%'), f + 1;
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
		width = w > 1 << 20 ? 1 << 20 : (int)w;
		have_width = true;
		f++;
	} else if (*f >= '0' && *f <= '9') {
		long w = strtol(f, (char **)&f, 10);

		width = w > 1 << 20 ? 1 << 20 : (int)w;
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
				prec = pr > 1 << 20 ? 1 << 20 : (int)pr;
		} else {
			long pr = strtol(f, (char **)&f, 10);

			prec = pr < 0 ? 0 : pr > 1 << 20 ? 1 << 20 : (int)pr;
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

		if (s != NULL && !expand_b(s, &b))
			p->stop = true;
		if (have_prec && b.len > (size_t)prec)
			b.len = (size_t)prec;
		/* the expanded text may hold NUL bytes: pad by hand */
		if (have_width && b.len < (size_t)width && spec[1] != '-')
			for (size_t i = b.len; i < (size_t)width; i++)
				putchar(' ');
		fwrite(b.s, 1, b.len, stdout);
		if (have_width && b.len < (size_t)width && spec[1] == '-')
			for (size_t i = b.len; i < (size_t)width; i++)
				putchar(' ');
		sb_free(&b);
		break;
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

/* printf format [argument...] */
int
bi_printf(struct shell *sh, int argc, char **argv)
{
	struct pf p = { .sh = sh };
	const char *fmt, *f;
	int c, r;

	errno = 0;
	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argv++;
		argc--;
	}
	if (argc < 2)
		return diag_usage(sh, "printf", "printf format [arguments]");
	fmt = argv[1];
	p.args = argv + 2;
	do {
		p.consumed = false;
		for (f = fmt; *f != '\0' && !p.stop;) {
			if (*f == '%') {
				f = conversion(&p, f);
			} else if (*f == '\\' && f[1] != '\0') {
				f++;
				r = escape(&f, false, &c);
				putchar(r > 0 ? c : '\\');
			} else {
				putchar(*f++);
			}
		}
	} while (!p.stop && p.consumed && *p.args != NULL);
	free(p.buf);
	return biu_flush(sh, "printf", p.status);
}
