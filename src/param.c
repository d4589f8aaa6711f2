/* param.c: the bash/ksh parameter operators, with bash 5.2 as the
 * reference (man/spsh.1, COMING FROM BASH): ${p:off:len}, ${p/x/r} and
 * its anchored and global forms, ${p^x} ${p,x} and their doubled forms,
 * ${p@X}. expand.c fetches the values and places the results; this file
 * only turns values into values.
 *
 * Everything counts characters, not bytes, in a multibyte (UTF-8) locale,
 * and runs in time linear in the value: ${s:i:1} finds character i from a
 * cached position in the same value (the last one used), so a loop over a
 * long string walks it once instead of once per character. */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "interactive.h"
#include "numfmt.h"
#include "param.h"
#include "shell.h"

static bool
multibyte(void)
{
	shell_locale();
	return MB_CUR_MAX > 1;
}

static bool
is_cont(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xC0) == 0x80;
}

/* Copies a finished buffer into the eval arena (adopting big ones, as
 * expand.c does, so a 1 MB result is not copied twice). */
static char *
to_arena(struct shell *sh, struct strbuf *b)
{
	if (b->s == NULL)
		return arena_strdup(&sh->eval, "");
	if (b->len >= 65536)
		return arena_adopt(&sh->eval, sb_detach(b));
	char *r = arena_strndup(&sh->eval, b->s, b->len);
	sb_free(b);
	return r;
}

/* ---- character offsets ---- */

/* Character positions in one value. `bytes`: one byte per character (the
 * value is ASCII, or the locale is single-byte). (ci, bi) is the last
 * position found: character ci starts at byte bi. The static `cache` is
 * kept between expansions for the value of one variable, identified by
 * the variable's serial (var.c gives every value a new one). */
struct offsets {
	const char *s;
	unsigned long serial;
	size_t nbytes, nchars;
	bool bytes;
	size_t ci, bi;
};

static struct offsets cache;

static void
offsets_init(struct offsets *o, const char *s, unsigned long serial)
{
	size_t n = 0, high = 0, cont = 0;

	for (; s[n] != '\0'; n++) {
		if ((unsigned char)s[n] >= 0x80) {
			high++;
			cont += is_cont(s, n);
		}
	}
	o->s = s;
	o->serial = serial;
	o->nbytes = n;
	o->bytes = high == 0 || !multibyte();
	o->nchars = o->bytes ? n : n - cont;
	o->ci = o->bi = 0;
}

/* Byte offset where character k starts (nbytes if k >= nchars). */
static size_t
byte_at(struct offsets *o, size_t k)
{
	size_t c, b;

	if (k >= o->nchars)
		return o->nbytes;
	if (o->bytes)
		return k;
	/* start from the nearest known position: 0, (ci, bi) or the end */
	if (k >= o->ci) {
		c = o->ci;
		b = o->bi;
		if (o->nchars - k < k - c) {
			c = o->nchars;
			b = o->nbytes;
		}
	} else {
		c = o->ci;
		b = o->bi;
		if (k < c - k) {
			c = 0;
			b = 0;
		}
	}
	while (c < k) {
		b++;
		while (b < o->nbytes && is_cont(o->s, b))
			b++;
		c++;
	}
	while (c > k) {
		b--;
		while (b > 0 && is_cont(o->s, b))
			b--;
		c--;
	}
	o->ci = c;
	o->bi = b;
	return b;
}

/* Evaluates an offset or length operand; an empty one is 0 (${x::2}). */
static int
eval_operand(struct shell *sh, struct word *w, long *v, char **text)
{
	char *e = expand_word_str(sh, w);
	const char *p;

	if (e == NULL)
		return -1;
	*text = e;
	for (p = e; *p == ' ' || *p == '\t' || *p == '\n'; p++)
		;
	if (*p == '\0') {
		*v = 0;
		return 0;
	}
	if (arith_eval(sh, e, v) != 0) {
		sh->expand_err = sh->arith_unset ? 3 : 4;
		return -1;
	}
	return 0;
}

static int
substr_error(struct shell *sh, const char *text)
{
	diag_error(sh, "%s: substring expression < 0", text);
	sh->expand_err = 2;
	return -1;
}

/* ${p:off:len} (XCU has none; bash): characters of a scalar, elements of
 * a list. Negative offsets count from the end; a negative length of a
 * scalar is an end offset from the end. */
static int
substr(struct shell *sh, const struct param *pp, const char *name,
    const char *const *vals, size_t n, bool list, char ***out, size_t *nout)
{
	long off, len = 0;
	char *otext, *ltext = NULL;
	bool haslen = pp->arg2 != NULL;

	if (pp->arg == NULL || (pp->arg->parts == NULL && !haslen)) {
		diag_error(sh, "${%s:}: bad substitution", name);
		sh->expand_err = 2;
		return -1;
	}
	if (eval_operand(sh, pp->arg, &off, &otext) != 0)
		return -1;
	if (haslen && eval_operand(sh, pp->arg2, &len, &ltext) != 0)
		return -1;
	*out = arena_alloc(&sh->eval, (n + 1) * sizeof **out);
	*nout = 0;
	if (list) {
		size_t start, end;
		if (off < 0)
			off += (long)n;
		if (haslen && len < 0)
			return substr_error(sh, ltext);
		if (off < 0 || (size_t)off >= n)
			return 0;
		start = (size_t)off;
		end = !haslen || (size_t)len >= n - start ? n : start + (size_t)len;
		for (size_t i = start; i < end; i++)
			(*out)[(*nout)++] = (char *)vals[i];
		return 0;
	}

	struct offsets local, *o = &local;
	const char *s = vals[0];
	struct var *v = var_is_name(name) ? var_lookup(sh, name) : NULL;
	if (v != NULL && v->value == s && v->serial != 0) {
		o = &cache;
		if (cache.s != s || cache.serial != v->serial)
			offsets_init(&cache, s, v->serial);
	} else {
		offsets_init(&local, s, 0);
	}
	size_t nc = o->nchars, start, end;
	if (off < 0)
		off += (long)nc;
	if (off < 0 || (size_t)off > nc) {
		(*out)[(*nout)++] = "";
		return 0;
	}
	start = (size_t)off;
	if (!haslen) {
		end = nc;
	} else if (len < 0) {
		if ((long)nc + len < off)
			return substr_error(sh, ltext);
		end = (size_t)((long)nc + len);
	} else {
		end = (size_t)len >= nc - start ? nc : start + (size_t)len;
	}
	size_t b0 = byte_at(o, start), b1 = byte_at(o, end);
	(*out)[(*nout)++] = arena_strndup(&sh->eval, s + b0, b1 - b0);
	return 0;
}

/* ---- ${p/x/r} ---- */

/* Appends the replacement for one match. With patsub_replacement, `rep`
 * is in expand.c's X_REPL form: an unescaped & stands for the match, \&
 * and \\ for themselves. */
static void
add_rep(struct strbuf *b, const char *rep, bool amp, const char *m, size_t mlen)
{
	if (!amp) {
		sb_adds(b, rep);
		return;
	}
	for (const char *r = rep; *r != '\0'; r++) {
		if (r[0] == '\\' && (r[1] == '&' || r[1] == '\\'))
			sb_addc(b, *++r);
		else if (*r == '&')
			sb_addn(b, m, mlen);
		else
			sb_addc(b, *r);
	}
}

/* The text of a pattern without magic: its backslashes removed. */
static char *
unescape_literal(struct shell *sh, const char *pat, size_t *len)
{
	char *r = arena_alloc(&sh->eval, strlen(pat) + 1), *d = r;

	for (const char *p = pat; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		*d++ = *p;
	}
	*d = '\0';
	*len = (size_t)(d - r);
	return r;
}

/* Length in bytes of the character at s[i] (1 where bytes are chars). */
static size_t
char_len(const char *s, size_t i, size_t n, bool mb)
{
	size_t j = i + 1;

	if (mb)
		while (j < n && is_cont(s, j))
			j++;
	return j - i;
}

static char *
subst(struct shell *sh, const char *v, const char *pat, const char *rep,
    bool amp, enum param_op op)
{
	struct strbuf b = STRBUF_INIT;
	size_t n = strlen(v), i = 0;
	long k;

	if (op == PARAM_REPL_PREFIX) {
		k = pattern_prefix(pat, v, true);
		if (k < 0)
			return (char *)v;
		add_rep(&b, rep, amp, v, (size_t)k);
		sb_adds(&b, v + k);
		return to_arena(sh, &b);
	}
	if (op == PARAM_REPL_SUFFIX) {
		k = pattern_suffix(pat, v, true);
		if (k < 0)
			return (char *)v;
		sb_addn(&b, v, (size_t)k);
		add_rep(&b, rep, amp, v + k, n - (size_t)k);
		return to_arena(sh, &b);
	}
	if (*pat == '\0')
		return (char *)v;
	if (n == 0) {
		/* ${e//pat/r}: an empty value the pattern matches (bash) */
		if (!pattern_match(pat, ""))
			return (char *)v;
		add_rep(&b, rep, amp, v, 0);
		return to_arena(sh, &b);
	}
	bool all = op == PARAM_REPL_ALL;
	if (!pattern_has_magic(pat)) {
		/* a literal: memmem, no automaton */
		size_t llen;
		const char *lit = unescape_literal(sh, pat, &llen);
		const char *at;
		while (i < n && (at = memmem(v + i, n - i, lit, llen)) != NULL) {
			size_t j = (size_t)(at - v);
			sb_addn(&b, v + i, j - i);
			add_rep(&b, rep, amp, at, llen);
			i = j + llen;
			if (!all)
				break;
		}
		if (i == 0 && b.len == 0)
			return (char *)v;
		sb_addn(&b, v + i, n - i);
		return to_arena(sh, &b);
	}
	/* Leftmost, then longest, match at each character boundary (bash).
	 * A pattern starting with a literal byte skips ahead with memchr. */
	bool mb = false;
	for (size_t j = 0; j < n; j++)
		if ((unsigned char)v[j] >= 0x80) {
			mb = multibyte();
			break;
		}
	int first = -1;
	if (pat[0] != '*' && pat[0] != '?' && pat[0] != '[' &&
	    !(pat[1] == '(' && strchr("@+!", pat[0]) != NULL))	/* extglob */
		first = (unsigned char)(pat[0] == '\\' ? pat[1] : pat[0]);
	bool changed = false;
	while (i < n) {
		if (first > 0 && (unsigned char)v[i] != first) {
			const char *nx = memchr(v + i, first, n - i);
			size_t j = nx != NULL ? (size_t)(nx - v) : n;
			sb_addn(&b, v + i, j - i);
			i = j;
			continue;
		}
		k = pattern_prefix_n(pat, v + i, n - i, true);
		if (k < 0) {
			size_t cl = char_len(v, i, n, mb);
			sb_addn(&b, v + i, cl);
			i += cl;
			continue;
		}
		changed = true;
		add_rep(&b, rep, amp, v + i, (size_t)k);
		if (k == 0) {
			size_t cl = char_len(v, i, n, mb);
			sb_addn(&b, v + i, cl);
			i += cl;
		} else {
			i += (size_t)k;
		}
		if (!all)
			break;
	}
	if (!changed) {
		sb_free(&b);
		return (char *)v;
	}
	sb_addn(&b, v + i, n - i);
	return to_arena(sh, &b);
}

/* ---- ${p^x} ${p,x} ${p~x} ${p@U} ${p@u} ${p@L} ---- */

enum { CASE_LOWER, CASE_UPPER, CASE_TOGGLE };

static char *
case_map(struct shell *sh, const char *s, const char *pat, int how, bool all)
{
	struct strbuf b = STRBUF_INIT;
	size_t n = strlen(s), i = 0;
	mbstate_t st;
	bool changed = false;

	memset(&st, 0, sizeof st);
	while (i < n) {
		size_t clen = 1;
		wint_t wc = (unsigned char)s[i];
		bool ok = true;

		if (wc >= 0x80 && multibyte()) {
			wchar_t w;
			size_t r = mbrtowc(&w, s + i, n - i, &st);
			if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
				memset(&st, 0, sizeof st);
				ok = false;
			} else {
				clen = r;
				wc = (wint_t)w;
			}
		}
		bool want = ok;
		if (want && pat != NULL && *pat != '\0') {
			char one[MB_LEN_MAX + 1];
			memcpy(one, s + i, clen);
			one[clen] = '\0';
			want = pattern_match(pat, one);
		}
		wint_t t = wc;
		bool upper = how == CASE_UPPER || (how == CASE_TOGGLE && !iswupper(wc));
		if (want)
			t = clen == 1 && wc < 0x80 ? (wint_t)(upper ? toupper((int)wc) : tolower((int)wc))
						   : (upper ? towupper(wc) : towlower(wc));
		if (t == wc) {
			sb_addn(&b, s + i, clen);
		} else if (clen == 1 && t < 0x80) {
			sb_addc(&b, (char)t);
			changed = true;
		} else {
			char mbuf[MB_LEN_MAX];
			mbstate_t ws;
			memset(&ws, 0, sizeof ws);
			size_t k = wcrtomb(mbuf, (wchar_t)t, &ws);
			if (k == (size_t)-1)
				sb_addn(&b, s + i, clen);
			else
				sb_addn(&b, mbuf, k);
			changed = true;
		}
		i += clen;
		if (!all) {
			sb_adds(&b, s + i);
			break;
		}
	}
	if (!changed) {
		sb_free(&b);
		return (char *)s;
	}
	return to_arena(sh, &b);
}

/* ---- ${p@Q} ${p@E} ---- */

char *
param_quote(struct shell *sh, const char *s)
{
	struct strbuf b = STRBUF_INIT;
	const char *p;
	bool ctl = false;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			ctl = true;
	if (!ctl) {
		sb_add_squoted(&b, s, strlen(s));
		return to_arena(sh, &b);
	}
	sb_adds(&b, "$'");
	for (p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		switch (c) {
		case '\a': sb_adds(&b, "\\a"); break;
		case '\b': sb_adds(&b, "\\b"); break;
		case 033: sb_adds(&b, "\\E"); break;
		case '\f': sb_adds(&b, "\\f"); break;
		case '\n': sb_adds(&b, "\\n"); break;
		case '\r': sb_adds(&b, "\\r"); break;
		case '\t': sb_adds(&b, "\\t"); break;
		case '\v': sb_adds(&b, "\\v"); break;
		case '\\': sb_adds(&b, "\\\\"); break;
		case '\'': sb_adds(&b, "\\'"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				sb_printf(&b, "\\%03o", c);
			else
				sb_addc(&b, (char)c);
		}
	}
	sb_addc(&b, '\'');
	return to_arena(sh, &b);
}

static int
hexval(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

char *
param_unescape(struct shell *sh, const char *s)
{
	struct strbuf b = STRBUF_INIT;
	const char *p = s;
	unsigned long v;
	int i;

	while (*p != '\0') {
		if (*p != '\\' || p[1] == '\0') {
			sb_addc(&b, *p++);
			continue;
		}
		p++;
		switch (*p) {
		case 'a': v = '\a'; p++; break;
		case 'b': v = '\b'; p++; break;
		case 'e': case 'E': v = 033; p++; break;
		case 'f': v = '\f'; p++; break;
		case 'n': v = '\n'; p++; break;
		case 'r': v = '\r'; p++; break;
		case 't': v = '\t'; p++; break;
		case 'v': v = '\v'; p++; break;
		case '\\': case '\'': case '"': case '?': v = (unsigned char)*p++; break;
		case 'c':
			p++;
			if (*p == '\0') {
				sb_adds(&b, "\\c");
				continue;
			}
			v = *p == '?' ? 0x7f : (unsigned long)(toupper((unsigned char)*p) & 0x1f);
			if (p[0] == '\\' && p[1] == '\\')
				p++;	/* \c\\ is control-backslash (bash) */
			p++;
			break;
		case 'x':
			for (v = 0, i = 0, p++; i < 2 && isxdigit((unsigned char)*p); i++)
				v = v * 16 + (unsigned long)hexval((unsigned char)*p++);
			if (i == 0) {
				sb_adds(&b, "\\x");
				continue;
			}
			break;
		case 'u':
		case 'U': {
			int max = *p == 'u' ? 4 : 8;
			for (v = 0, i = 0, p++; i < max && isxdigit((unsigned char)*p); i++)
				v = v * 16 + (unsigned long)hexval((unsigned char)*p++);
			if (i == 0) {
				sb_adds(&b, max == 4 ? "\\u" : "\\U");
				continue;
			}
			if (v >= 0x80) {
				locale_put_unicode(&b, v);
				continue;
			}
			break;
		}
		case '0': case '1': case '2': case '3':
		case '4': case '5': case '6': case '7':
			for (v = 0, i = 0; i < 3 && *p >= '0' && *p <= '7'; i++)
				v = v * 8 + (unsigned long)(*p++ - '0');
			v &= 0xff;
			break;
		default:
			sb_addc(&b, '\\');
			v = (unsigned char)*p++;
			break;
		}
		if (v != 0)	/* a NUL cannot be in a value: dropped */
			sb_addc(&b, (char)v);
	}
	return to_arena(sh, &b);
}

/* ---- ${p@A} ${p@a} ---- */

/* Attribute letters in bash's order (variables.c: a A i n r t x l u). */
static void
attr_letters(const struct var *v, char *buf)
{
	static const struct {
		unsigned flag;
		char c;
	} order[] = {
		{ VAR_ARRAY, 'a' }, { VAR_ASSOC, 'A' }, { VAR_INTEGER, 'i' },
		{ VAR_NAMEREF, 'n' }, { VAR_READONLY, 'r' }, { VAR_TRACE, 't' },
		{ VAR_EXPORT, 'x' }, { VAR_LOWER, 'l' }, { VAR_UPPER, 'u' },
	};
	char *d = buf;

	for (size_t i = 0; v != NULL && i < sizeof order / sizeof order[0]; i++)
		if (v->flags & order[i].flag)
			*d++ = order[i].c;
	*d = '\0';
}

static char *
transform(struct shell *sh, const struct param *pp, const char *name, const char *s)
{
	char attrs[16];
	struct var *v;

	switch (pp->transform) {
	case 'Q':
	case 'K':
	case 'k':
		return param_quote(sh, s);
	case 'E':
		return param_unescape(sh, s);
	case 'P': {
		char *r = prompt_expand(sh, s);
		return r != NULL ? arena_adopt(&sh->eval, r) : (char *)s;
	}
	case 'U':
		return case_map(sh, s, NULL, CASE_UPPER, true);
	case 'u':
		return case_map(sh, s, NULL, CASE_UPPER, false);
	case 'L':
		return case_map(sh, s, NULL, CASE_LOWER, true);
	case 'a':
		v = var_is_name(name) ? var_lookup(sh, name) : NULL;
		attr_letters(v, attrs);
		return arena_strdup(&sh->eval, attrs);
	case 'A': {
		struct strbuf b = STRBUF_INIT;
		if (!var_is_name(name))
			return "";	/* ${1@A} ${?@A}: not variables (bash) */
		v = var_lookup(sh, name);	/* through a nameref: its target */
		attr_letters(v, attrs);
		if (attrs[0] != '\0')
			sb_printf(&b, "declare -%s ", attrs);
		sb_printf(&b, "%s=%s", v != NULL ? v->name : name, param_quote(sh, s));
		return to_arena(sh, &b);
	}
	}
	return (char *)s;
}

/* ---- the entry points ---- */

int
param_apply(struct shell *sh, const struct param *pp, const char *name,
    const char *const *vals, size_t n, bool list, char ***out, size_t *nout)
{
	const char *pat = NULL, *rep = "";
	bool amp = false;

	if (pp->op == PARAM_SUBSTR)
		return substr(sh, pp, name, vals, n, list, out, nout);
	if (pp->op != PARAM_TRANSFORM && pp->arg != NULL) {
		if ((pat = expand_word_pattern(sh, pp->arg)) == NULL)
			return -1;
	}
	if (pp->op >= PARAM_REPL_FIRST && pp->op <= PARAM_REPL_SUFFIX && pp->arg2 != NULL) {
		amp = sh->shopt.patsub_replacement;
		rep = amp ? expand_word_repl(sh, pp->arg2) : expand_word_str(sh, pp->arg2);
		if (rep == NULL)
			return -1;
	}
	*out = arena_alloc(&sh->eval, (n + 1) * sizeof **out);
	*nout = n;
	for (size_t i = 0; i < n; i++) {
		const char *v = vals[i];
		char *r = (char *)v;
		switch (pp->op) {
		case PARAM_REPL_FIRST:
		case PARAM_REPL_ALL:
		case PARAM_REPL_PREFIX:
		case PARAM_REPL_SUFFIX:
			r = subst(sh, v, pat != NULL ? pat : "", rep, amp, pp->op);
			break;
		case PARAM_UPPER_FIRST:
		case PARAM_UPPER_ALL:
		case PARAM_LOWER_FIRST:
		case PARAM_LOWER_ALL:
		case PARAM_TOGGLE_FIRST:
		case PARAM_TOGGLE_ALL:
			r = case_map(sh, v, pat,
			    pp->op == PARAM_UPPER_FIRST || pp->op == PARAM_UPPER_ALL ? CASE_UPPER :
			    pp->op == PARAM_LOWER_FIRST || pp->op == PARAM_LOWER_ALL ? CASE_LOWER : CASE_TOGGLE,
			    pp->op == PARAM_UPPER_ALL || pp->op == PARAM_LOWER_ALL || pp->op == PARAM_TOGGLE_ALL);
			break;
		case PARAM_TRANSFORM:
			r = transform(sh, pp, name, v);
			break;
		default:
			break;
		}
		(*out)[i] = r;
	}
	return 0;
}

/* ${@@A}: the words set, --, 'a', 'b'; ${*@A}: one word, the quoted
 * parameters joined by `sep` (bash). None without parameters. */
char **
param_set_line(struct shell *sh, bool at, const char *sep, size_t *n)
{
	struct strbuf b = STRBUF_INIT;
	char **out = arena_alloc(&sh->eval, ((size_t)sh->argc + 3) * sizeof *out);

	if (at) {
		out[0] = "set";
		out[1] = "--";
		for (int i = 0; i < sh->argc; i++)
			out[i + 2] = param_quote(sh, sh->argv[i]);
		*n = sh->argc > 0 ? (size_t)sh->argc + 2 : 0;
		return out;
	}
	sb_adds(&b, "set -- ");
	for (int i = 0; i < sh->argc; i++) {
		if (i > 0)
			sb_adds(&b, sep);
		sb_adds(&b, param_quote(sh, sh->argv[i]));
	}
	out[0] = to_arena(sh, &b);
	*n = sh->argc > 0;
	return out;
}

size_t
param_names(struct shell *sh, const char *prefix, char ***out)
{
	struct var **all = var_sorted(sh);
	size_t n = 0, plen = strlen(prefix), i;

	for (i = 0; all[i] != NULL; i++)
		n++;
	*out = arena_alloc(&sh->eval, (n + 1) * sizeof **out);
	n = 0;
	for (i = 0; all[i] != NULL; i++)
		if ((all[i]->value != NULL || all[i]->arr != NULL) &&
		    strncmp(all[i]->name, prefix, plen) == 0)
			(*out)[n++] = arena_strdup(&sh->eval, all[i]->name);
	free(all);
	return n;
}

size_t
param_length(const char *s)
{
	size_t n = 0;
	const char *p;

	for (p = s; *p && (unsigned char)*p < 0x80; p++)
		;
	if (*p == '\0')
		return (size_t)(p - s);	/* ASCII: no locale needed */
	shell_locale();
	if (MB_CUR_MAX == 1)
		return strlen(s);
	/* a byte that starts no valid character counts as one (bash) */
	size_t left = strlen(s);
	while (left > 0) {
		size_t k = shell_mblen(s, left);
		s += k;
		left -= k;
		n++;
	}
	return n;
}

/* ---- scalar parameters (XCU 2.6.2), for expand.c ---- */

static const char *
pos_param(struct shell *sh, const char *name)
{
	char *end;
	long i;

	if (name[0] >= '0' && name[0] <= '9' && name[1] == '\0')
		i = name[0] - '0';	/* $1: no strtol */
	else if ((i = strtol(name, &end, 10)) < 0 || *end != '\0')
		return NULL;
	if (i == 0)
		return sh->arg0;
	if (i > sh->argc)
		return NULL;
	return sh->argv[i - 1];
}

/* Returns the value of a scalar parameter (not @ or *), or NULL if unset.
 * Numeric results are formatted into `tmp`. */
const char *
param_value(struct shell *sh, const char *name, char *tmp, size_t tmpsz)
{
	if (isdigit((unsigned char)name[0]))
		return pos_param(sh, name);
	if (name[0] != '\0' && name[1] == '\0') {	/* "" (${!a} naming nothing) is unset */
		switch (name[0]) {
		case '#':
			return fmt_long(sh->argc, tmp + tmpsz);
		case '?':
			return fmt_long(sh->status, tmp + tmpsz);
		case '$':
			return fmt_long((long)sh->pid, tmp + tmpsz);
		case '!':
			if (sh->last_bg == 0)
				return NULL;
			return fmt_long((long)sh->last_bg, tmp + tmpsz);
		case '-':
			return opt_letters(sh, tmp, tmpsz);
		default:
			break;
		}
	}
	return var_get(sh, name);
}

/* A parameter name (XCU 2.5): a Name, a positional number, or one of the
 * special parameters. The lexer keeps unknown ${...} forms as names so
 * that only running them is an error, as in dash. */
bool
param_name_ok(const char *name)
{
	const char *p = name;

	/* a Name: the common case, without the ctype calls of var_is_name */
	if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_') {
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
		    (*p >= '0' && *p <= '9'))
			p++;
		if (*p == '\0')
			return true;
	}
	if (var_is_name(name))
		return true;
	if (name[0] != '\0' && name[1] == '\0' && strchr("@*#?-$!0123456789", name[0]))
		return true;
	for (p = name; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return *name != '\0';
}

char *
param_join(struct shell *sh, char *const *v, size_t n, const char *sep)
{
	struct strbuf b = STRBUF_INIT;
	char *r;

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && sep != NULL)
			sb_adds(&b, sep);
		sb_adds(&b, v[i]);
	}
	r = arena_strndup(&sh->eval, b.s != NULL ? b.s : "", b.len);
	sb_free(&b);
	return r;
}
