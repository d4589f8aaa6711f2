/* biutil.c: the option scanner shared by the builtins (see biutil.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "biutil.h"

static int
opt_error(struct shell *sh, const struct biu_opts *o, char c, const char *why)
{
	diag_error(sh, "%s: -%c: %s", o->name, c, why);
	diag_usage(sh, o->name, o->usage);
	return '?';
}

int
biu_getopt(struct shell *sh, struct biu_opts *o, int argc, char **argv)
{
	const char *a, *spec;
	char c;

	if (o->ind == 0)
		o->ind = 1;
	o->arg = NULL;
	if (o->next == NULL || *o->next == '\0') {
		if (o->ind >= argc)
			return -1;
		a = argv[o->ind];
		if (a[0] != '-' || a[1] == '\0')
			return -1;
		if (o->num_operand && a[1] >= '0' && a[1] <= '9')
			return -1;
		if (strcmp(a, "--") == 0) {
			o->ind++;
			return -1;
		}
		o->next = a + 1;
		o->ind++;
	}
	c = *o->next++;
	spec = c != ':' ? strchr(o->letters, c) : NULL;
	if (spec == NULL) {
		o->next = NULL;
		return opt_error(sh, o, c, "invalid option");
	}
	if (spec[1] != ':')
		return c;
	if (*o->next != '\0')
		o->arg = o->next;
	else if (o->ind < argc)
		o->arg = argv[o->ind++];
	else
		return opt_error(sh, o, c, "option requires an argument");
	o->next = NULL;
	return c;
}

int
biu_operands(struct shell *sh, const char *name, const char *letters, const char *usage,
    int argc, char **argv)
{
	struct biu_opts o = { .name = name, .letters = letters, .usage = usage };
	int c;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1)
		if (c == '?')
			return -1;
	return o.ind;
}

/* ---- errors of special builtins (XCU 2.8.1) ---- */
int
biu_special_error(struct shell *sh, int status)
{
	sh->builtin_error = true;
	return status;
}

/* "spsh: NAME: usage: USAGE", status 2; all users are special builtins. */
int
biu_usage_error(struct shell *sh, const char *name, const char *usage)
{
	return biu_special_error(sh, diag_usage(sh, name, usage));
}

/* "spsh: NAME: -x: invalid option" and the usage. */
int
biu_bad_option(struct shell *sh, const char *name, const char *opt, const char *usage)
{
	diag_error(sh, "%s: %s: invalid option", name, opt);
	return biu_usage_error(sh, name, usage);
}

/* Parses a non-negative decimal count; -1 if invalid. */
long
biu_count_arg(const char *s)
{
	char *end;
	long n;

	if (*s == '\0')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 0 || errno)
		return -1;
	return n;
}

/* Value of up to `max` digits of base `base` at *sp; *sp advances and
 * *ndig gets the digit count. */
static unsigned long
digits(const char **sp, int base, int max, int *ndig)
{
	const char *s = *sp;
	unsigned long v = 0;
	int i, d;

	for (i = 0; i < max; i++, s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		v = v * (unsigned long)base + (unsigned long)d;
	}
	*sp = s;
	*ndig = i;
	return v;
}

int
biu_escape(const char **sp, unsigned flags, struct strbuf *out)
{
	const char *s = *sp;
	unsigned long v;
	int c, n;

	switch (*s) {
	case 'a': c = '\a'; break;
	case 'b': c = '\b'; break;
	case 'f': c = '\f'; break;
	case 'n': c = '\n'; break;
	case 'r': c = '\r'; break;
	case 't': c = '\t'; break;
	case 'v': c = '\v'; break;
	case '\\': c = '\\'; break;
	case '"': case '\'': case '?':
		if (!(flags & BIU_ESC_QUOTE))
			return -1;
		c = *s;
		break;
	case 'e': case 'E':
		if (!(flags & BIU_ESC_BASH) && !(*s == 'e' && (flags & BIU_ESC_ESC)))
			return -1;
		c = 033;
		break;
	case 'c':
		if (!(flags & BIU_ESC_STOP))
			return -1;
		*sp = s + 1;
		return 0;
	case '0':
		if (flags & BIU_ESC_ZERO) {
			/* \0nnn: zero to three octal digits after the 0 */
			s++;
			v = digits(&s, 8, 3, &n);
			sb_addc(out, (char)(v & 0xff));
			*sp = s;
			return 1;
		}
		/* FALLTHROUGH */
	case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		if (!(flags & BIU_ESC_OCTAL))
			return -1;
		v = digits(&s, 8, 3, &n);
		sb_addc(out, (char)(v & 0xff));
		*sp = s;
		return 1;
	case 'x':
		if (!(flags & BIU_ESC_BASH))
			return -1;
		s++;
		v = digits(&s, 16, 2, &n);
		if (n == 0)
			return -1;
		sb_addc(out, (char)v);
		*sp = s;
		return 1;
	case 'u': case 'U':
		if (!(flags & BIU_ESC_BASH))
			return -1;
		s++;
		v = digits(&s, 16, **sp == 'u' ? 4 : 8, &n);
		if (n == 0)
			return -1;
		locale_put_unicode(out, v);
		*sp = s;
		return 1;
	default:
		return -1;
	}
	sb_addc(out, (char)c);
	*sp = s + 1;
	return 1;
}

bool
biu_expand_escapes(const char *s, unsigned flags, struct strbuf *out)
{
	while (*s != '\0') {
		if (*s != '\\' || s[1] == '\0') {
			sb_addc(out, *s++);
			continue;
		}
		s++;
		switch (biu_escape(&s, flags, out)) {
		case 0:
			return false;
		case -1:
			sb_addc(out, '\\');
			break;
		}
	}
	return true;
}

/* Writes all of b to fd 1, for builtins that build their output first
 * (echo, printf): anything stdio holds goes first; a short write is
 * continued and EINTR retried (a trap runs between commands, not inside a
 * write). Returns `status`, or 1 after "spsh: NAME: write error: ...". */
int
biu_write(struct shell *sh, const char *name, const struct strbuf *b, int status)
{
	size_t off = 0;
	ssize_t n;

	if (fflush(stdout) == EOF || ferror(stdout))
		return biu_flush(sh, name, 1);
	while (off < b->len) {
		n = write(1, b->s + off, b->len - off);
		if (n >= 0) {
			off += (size_t)n;
			continue;
		}
		if (errno == EINTR)
			continue;
		/* an in-shell pipeline stage whose reader is gone ends as a
		 * forked one killed by SIGPIPE would: silently, 141 (bash) */
		if (errno == EPIPE && sh->in_pipe_stage)
			return 128 + SIGPIPE;
		diag_errno(sh, "%s: write error", name);
		return 1;
	}
	return status;
}

/* True if bash's %q would write `s` in the $'...' form: some byte that is
 * not a printable character of the locale. */
static bool
needs_ansi(const char *s)
{
	mbstate_t st;
	wchar_t wc;
	size_t n, len = strlen(s);

	shell_locale();
	memset(&st, 0, sizeof st);
	while (len > 0) {
		n = mbrtowc(&wc, s, len, &st);
		if (n == (size_t)-1 || n == (size_t)-2)
			return true;
		if (!iswprint((wint_t)wc))
			return true;
		s += n;
		len -= n;
	}
	return false;
}

/* bash's sh_contains_shell_metas: a word that holds one of these is quoted
 * when `set` or `complete -p` writes it back. */
bool
biu_needs_quotes(const char *v)
{
	if (*v == '~' || *v == '#')
		return true;
	for (const char *p = v; *p; p++)
		if (strchr(" \t\n'\"\\|&;()<>!{}*[?]^$`", *p) != NULL ||
		    ((*p == '=' || *p == ':') && p[1] == '~'))
			return true;
	return false;
}

void
biu_quote(const char *s, struct strbuf *out)
{
	const char *p;

	if (*s == '\0') {
		sb_adds(out, "''");
		return;
	}
	if (needs_ansi(s)) {
		/* $'...' with C escapes, octal for the rest (bash's
		 * ansic_quote); printable multibyte characters stay */
		mbstate_t st;
		size_t n, len = strlen(s);
		wchar_t wc;

		memset(&st, 0, sizeof st);
		sb_adds(out, "$'");
		while (len > 0) {
			unsigned char c = (unsigned char)*s;
			const char *e = NULL;

			switch (c) {
			case '\a': e = "\\a"; break;
			case '\b': e = "\\b"; break;
			case '\f': e = "\\f"; break;
			case '\n': e = "\\n"; break;
			case '\r': e = "\\r"; break;
			case '\t': e = "\\t"; break;
			case '\v': e = "\\v"; break;
			case 033: e = "\\E"; break;
			case '\\': e = "\\\\"; break;
			case '\'': e = "\\'"; break;
			}
			if (e != NULL) {
				sb_adds(out, e);
				s++, len--;
				continue;
			}
			n = mbrtowc(&wc, s, len, &st);
			if (n == (size_t)-1 || n == (size_t)-2 || n == 0 ||
			    !iswprint((wint_t)wc)) {
				memset(&st, 0, sizeof st);
				sb_printf(out, "\\%03o", c);
				s++, len--;
				continue;
			}
			sb_addn(out, s, n);
			s += n, len -= n;
		}
		sb_addc(out, '\'');
		return;
	}
	/* backslashes before the characters special to the shell (bash's
	 * sh_backslash_quote); ~ and # only where they would be special */
	for (p = s; *p != '\0'; p++) {
		if (strchr(" \t\n'\"\\|&;()<>!{}*[?]^$`,", *p) != NULL ||
		    (p == s && (*p == '~' || *p == '#')))
			sb_addc(out, '\\');
		sb_addc(out, *p);
	}
}
