/* expand.c: word expansion, XCU 2.6, in the standard's order: tilde,
 * parameter, command substitution and arithmetic (left to right), then
 * field splitting, pathname expansion and quote removal.
 *
 * The expander walks a word's parts once, building the current field in
 * `cur` (the value, quotes removed) and, where a pattern may be needed,
 * `pat` (the same text with quoted pattern characters backslash-escaped).
 * Unquoted results of expansions are split on IFS as they are appended, so
 * literal text is never split. */
#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assign.h"
#include "cond.h"
#include "input.h"
#include "subscript.h"
#include "param.h"
#include "plainword.h"
#include "parse.h"
#include "shell.h"
#include "xstate.h"

static void lit_tilde(struct xstate *x, struct wpart *p, size_t i, bool at_start,
		      bool in_assign);

static void
add_field(struct xstate *x, char *s)
{
	if (x->n + 2 > x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		char **nf = arena_alloc(&x->sh->eval, x->cap * sizeof *nf);
		if (x->n)
			memcpy(nf, x->fields, x->n * sizeof *nf);
		x->fields = nf;
	}
	x->fields[x->n++] = s;
	x->fields[x->n] = NULL;
}

/* Ends the current field: pathname expansion if it has unquoted pattern
 * characters (XCU 2.6.6), else the text itself. */
void
xs_push_field(struct xstate *x)
{
	/* a `[` alone (`[ $a = b ]`) is no pattern: nullglob keeps it (bash) */
	if (x->mode == X_FIELDS && x->magic && !x->sh->opt.noglob && pattern_has_magic(x->pat.s)) {
		char **m = NULL;
		size_t n = 0, cap = 0, i;
		size_t got = pattern_glob_shell(x->sh, x->pat.s, &m, &n, &cap);
		if (got > 0) {
			/* pattern_glob() returns them sorted (XCU 2.14.3) */
			for (i = 0; i < n; i++) {
				add_field(x, arena_strdup(&x->sh->eval, m[i]));
				free(m[i]);
			}
			free(m);
			goto reset;
		}
		for (i = 0; i < n; i++)
			free(m[i]);
		free(m);
		/* bash: nullglob drops the word, failglob is an error */
		if (x->sh->shopt.nullglob)
			goto reset;
		if (x->sh->shopt.failglob) {
			diag_error(x->sh, "no match: %s", x->cur.s);
			x->err = 1;
			goto reset;
		}
	}
	add_field(x, arena_strndup(&x->sh->eval, x->cur.s, x->cur.len));
reset:
	sb_reset(&x->cur);
	sb_reset(&x->pat);
	x->started = false;
	x->magic = false;
}

/* Appends literal text. Quoted text is escaped in the pattern form. */
void
xs_add_text(struct xstate *x, const char *s, size_t len, bool quoted)
{
	size_t i;

	if (x->mode == X_REPL && quoted) {
		for (i = 0; i < len; i++) {
			if (s[i] == '&' || s[i] == '\\')
				sb_addc(&x->cur, '\\');
			sb_addc(&x->cur, s[i]);
		}
	} else {
		sb_addn(&x->cur, s, len);
	}
	if (x->mode == X_FIELDS || x->mode == X_PATTERN || x->mode == X_REGEX) {
		for (i = 0; i < len; i++) {
			char c = s[i];
			if (x->mode == X_REGEX) {
				if (cond_regex_escape(&x->br, c, quoted))
					sb_addc(&x->pat, '\\');
			} else if (quoted) {
				/* quoted pattern characters are escaped; inside
				 * brackets - ! ^ are special too */
				static const bool special[256] = {
					['*'] = 1, ['?'] = 1, ['['] = 1, [']'] = 1, ['\\'] = 1,
					['-'] = 1, ['!'] = 1, ['^'] = 1, ['('] = 1, [')'] = 1,
					['|'] = 1, ['@'] = 1, ['+'] = 1,
				};
				if (special[(unsigned char)c])
					sb_addc(&x->pat, '\\');
			} else if (c == '*' || c == '?' || c == '[' || (c == '(' && x->sh->shopt.extglob)) {
				x->magic = true;
			}
			sb_addc(&x->pat, c);
		}
	}
	if (len > 0 || quoted)
		x->started = true;
	x->ws_seen = false;
}

static bool
ifs_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* IFS, looked up when first needed: most expansions split nothing. */
const char *
xs_ifs(struct xstate *x)
{
	if (!x->ifs_read)
		x->ifs = var_get(x->sh, "IFS");
	x->ifs_read = true;
	return x->ifs;
}

/* Appends the result of an expansion. Unquoted results in field mode are
 * split on IFS (XCU 2.6.5). */
void
xs_add_result(struct xstate *x, const char *s, size_t len, bool quoted)
{
	const char *ifs;
	size_t i, run;

	if (quoted || x->mode != X_FIELDS || ((ifs = xs_ifs(x)) != NULL && *ifs == '\0')) {
		if (len > 0 || quoted)
			xs_add_text(x, s, len, quoted);
		return;
	}
	/* a multibyte IFS character (UTF-8) delimits as a whole; ASCII ones
	 * never occur inside a multibyte character, so bytes do for them */
	struct ifs_set set;
	ifs_set_init(&set, ifs);
	bool mb = set.mb;
	for (i = 0; i < len; i += run) {
		size_t d = ifs_set_at(&set, s + i, len - i);
		run = d > 0 ? d : mb ? shell_mblen(s + i, len - i) : 1;
		if (d == 0) {
			/* a run of ordinary characters */
			while (i + run < len && ifs_set_at(&set, s + i + run, len - i - run) == 0)
				run += mb ? shell_mblen(s + i + run, len - i - run) : 1;
			xs_add_text(x, s + i, run, false);
		} else if (ifs_ws(s[i])) {
			/* White space only delimits after a field; leading
			 * white space is dropped and does not count as part
			 * of a delimiter, so IFS=' :' splits " : a" into ""
			 * and "a" (XCU 2.6.5). */
			if (x->started) {
				xs_push_field(x);
				x->ws_seen = true;
			}
		} else {
			if (x->started)
				xs_push_field(x);
			else if (!x->ws_seen)
				add_field(x, arena_strdup(&x->sh->eval, ""));
			x->ws_seen = false;
		}
	}
}

/* ---- tilde expansion (XCU 2.6.1) ---- */

/* If `p` (a leading unquoted literal) starts with a tilde-prefix, appends
 * its expansion and returns how many bytes of the literal were used. */
static size_t
tilde(struct xstate *x, const char *s, size_t len, bool last, bool in_assign)
{
	size_t end = 0;
	const char *home;
	char *user;

	while (end < len && s[end] != '/' && !(in_assign && s[end] == ':'))
		end++;
	if (end == len && !last)
		return 0;	/* the prefix continues into a quoted part */
	if (end == 1) {
		home = var_get(x->sh, "HOME");
		if (home == NULL) {
			struct passwd *pw = getpwuid(getuid());
			home = pw != NULL ? pw->pw_dir : "";
		}
	} else {
		user = strndup(s + 1, end - 1);
		struct passwd *pw = getpwnam(user);
		free(user);
		if (pw == NULL)
			return 0;
		home = pw->pw_dir;
	}
	xs_add_text(x, home, strlen(home), true);
	return end;
}

/* ---- command substitution and arithmetic ---- */

static void
expand_cmdsub(struct xstate *x, struct wpart *p, bool quoted)
{
	struct strbuf out = STRBUF_INIT;

	if (p->u.cmdsub.procsub != 0) {
		if (procsub_start(x->sh, p->u.cmdsub.body, p->u.cmdsub.procsub, &out) != 0) {
			sb_free(&out);
			x->err = 1;
			return;
		}
		xs_add_result(x, out.s, out.len, true);
		sb_free(&out);
		return;
	}
	if (p->u.cmdsub.body != NULL) {
		if (exec_cmdsub(x->sh, p->u.cmdsub.body, &out) != 0) {
			sb_free(&out);
			x->err = 1;
			return;
		}
	} else {
		x->sh->status = 0;
	}
	x->sh->cmdsub_status = x->sh->status;
	x->sh->cmdsub_ran = true;
	while (out.len > 0 && out.s[out.len - 1] == '\n')
		out.len--;
	xs_add_result(x, out.s, out.len, quoted);
	sb_free(&out);
}

static void
expand_arith(struct xstate *x, struct wpart *p, bool quoted)
{
	const char *expr = plainword_literal(p->u.arith.expr, false);
	long v;
	char tmp[32];

	if (expr == NULL)	/* $((...)) with expansions in it */
		expr = xs_word_to_str(x->sh, p->u.arith.expr, X_STR, false);
	if (expr == NULL) {
		x->err = x->sh->expand_err ? x->sh->expand_err : 2;
		return;
	}
	if (arith_eval(x->sh, expr, &v) != 0) {
		x->err = x->sh->arith_unset ? 3 : 4;
		return;
	}
	char *end = tmp + sizeof tmp, *d = end;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	/* decimal by hand: this runs for every $((...)) */
	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--d = '-';
	xs_add_result(x, d, (size_t)(end - d), quoted);
}

/* Walks parts; `quoted` is set inside double quotes. */
void
xs_expand_parts(struct xstate *x, struct wpart *p, bool quoted)
{
	for (; p != NULL && !x->err; p = p->next) {
		switch (p->kind) {
		case WP_LIT:
			if (x->asg && !quoted && !p->u.lit.quoted &&
			    memmem(p->u.lit.text, p->u.lit.len, ":~", 2) != NULL)
				lit_tilde(x, p, 0, false, true);
			else if (x->in_arg && !quoted && !p->u.lit.quoted)
				xs_add_result(x, p->u.lit.text, p->u.lit.len, false);
			else
				xs_add_text(x, p->u.lit.text, p->u.lit.len, quoted || p->u.lit.quoted);
			break;
		case WP_DQ:
			/* "" makes a field; "$@" alone makes one per parameter */
			if (!(p->u.dq != NULL && p->u.dq->next == NULL &&
			    p->u.dq->kind == WP_PARAM &&
			    (p->u.dq->u.param.subkind == '@' ||
			     (strcmp(p->u.dq->u.param.name, "@") == 0 &&
			      !p->u.dq->u.param.subscript)))) {
				x->started = true;
				x->ws_seen = false;
			}
			xs_expand_parts(x, p->u.dq, true);
			break;
		case WP_PARAM:
			xs_expand_param(x, p, quoted);
			break;
		case WP_CMDSUB:
			expand_cmdsub(x, p, quoted);
			break;
		case WP_ARITH:
			expand_arith(x, p, quoted);
			break;
		case WP_ARRAY: {	/* a=(...) as text, for expand_words_decl */
			char *t = assign_serialize(x->sh, p->u.array.elems);
			if (t == NULL)
				x->err = x->sh->expand_err ? x->sh->expand_err : 1;
			else
				xs_add_text(x, t, strlen(t), true);
			break;
		}
		}
	}
}

/* Appends the unquoted literal `p` from byte `i`, expanding the
 * tilde-prefixes at `i` (if `at_start`) and, in an assignment, after each
 * ':'. bash and dash do it after any unquoted ':' of the value, even in a
 * literal that follows an expansion (`PATH=$PATH:~/bin`). */
static void
lit_tilde(struct xstate *x, struct wpart *p, size_t i, bool at_start, bool in_assign)
{
	const char *s = p->u.lit.text;
	size_t len = p->u.lit.len;

	while (i < len) {
		if (at_start && s[i] == '~') {
			size_t used = tilde(x, s + i, len - i, p->next == NULL, in_assign);
			if (used > 0) {
				i += used;
				at_start = false;
				continue;
			}
		}
		at_start = in_assign && s[i] == ':';
		xs_add_text(x, s + i, 1, false);
		i++;
	}
}

/* Expands one word, with tilde expansion at its start (and after ':' in
 * assignments). */
void
xs_expand_word(struct xstate *x, struct word *w, bool in_assign)
{
	struct wpart *p = w->parts;
	bool asg = x->asg;

	if (p != NULL && p->kind == WP_LIT && !p->u.lit.quoted && p->u.lit.len > 0 &&
	    (p->u.lit.text[0] == '~' || (in_assign && (memchr(p->u.lit.text, ':', p->u.lit.len) ||
	     x->decl)))) {
		size_t i = 0;
		bool at_start = !x->decl;
		if (x->decl) {
			/* name=value of a declaration utility: tilde after the = */
			const char *s = p->u.lit.text;
			size_t n = var_name_len(s);
			n += s[n] == '+' ? 2 : 1;
			xs_add_text(x, s, n, false);
			i = n;
			at_start = true;
			x->decl = false;	/* words nested in ${...} are not */
		}
		lit_tilde(x, p, i, at_start, in_assign);
		p = p->next;
	}
	x->asg = in_assign;
	xs_expand_parts(x, p, false);
	x->asg = asg;
}

static void
xinit(struct xstate *x, struct shell *sh, enum xmode mode)
{
	memset(x, 0, sizeof *x);
	x->sh = sh;
	x->mode = mode;
	sb_acquire(&x->cur);
	sb_acquire(&x->pat);
}

static void
xfree(struct xstate *x)
{
	sb_release(&x->pat);
	sb_release(&x->cur);
}

char *
xs_word_to_str(struct shell *sh, struct word *w, enum xmode mode, bool in_assign)
{
	struct xstate x;
	char *r;

	if (mode == X_STR && (r = plainword_value(sh, w)) != NULL)
		return r;
	xinit(&x, sh, mode);
	xs_expand_word(&x, w, in_assign);
	if (x.err) {
		sh->expand_err = x.err;
		xfree(&x);
		return NULL;
	}
	if (mode == X_PATTERN || mode == X_REGEX)
		r = arena_strndup(&sh->eval, x.pat.s, x.pat.len);
	else if (x.cur.len >= 65536)	/* a big x=$x$x: no second copy */
		r = arena_adopt(&sh->eval, sb_detach(&x.cur));
	else
		r = arena_strndup(&sh->eval, x.cur.s, x.cur.len);
	xfree(&x);
	return r;
}

static bool assignment_like(struct word *w);

/* An argument name=value or name+=value (not name[i]=value). */
static bool
assignment_eq(struct word *w)
{
	const char *s;
	size_t n;

	if (!assignment_like(w))
		return false;
	s = w->parts->u.lit.text;
	n = var_name_len(s);
	return s[n] == '=' || s[n] == '+';
}

static int expand_fields(struct shell *sh, struct word *words, char ***out, bool args);

int
expand_words(struct shell *sh, struct word *words, char ***out)
{
	return expand_fields(sh, words, out, true);
}

int
expand_words_elems(struct shell *sh, struct word *words, char ***out)
{
	return expand_fields(sh, words, out, false);
}

static int
expand_fields(struct shell *sh, struct word *words, char ***out, bool args)
{
	struct xstate x;
	struct word *w;

	xinit(&x, sh, X_FIELDS);
	add_field(&x, NULL);	/* allocate; n is reset below */
	x.n = 0;
	x.fields[0] = NULL;
	for (w = words; w != NULL && !x.err; w = w->next) {
		/* brace expansion first (bash): one word may become several */
		struct word *bw = w, *end = w->next;
		char *pf;
		const char *ifs = NULL;
		enum plainword pw = plainword_field(sh, w, &pf);
		if (pw == PW_UNQUOTED && (ifs = xs_ifs(&x), strpbrk(pf, ifs ? ifs : " \t\n") == NULL) &&
		    strpbrk(pf, "*?[(") == NULL)
			pw = PW_FIELD;	/* nothing in it to split or glob */
		if (pw == PW_FIELD)
			add_field(&x, pf);
		if (pw == PW_UNQUOTED) {
			xs_add_result(&x, pf, strlen(pf), false);
			if (x.started)
				xs_push_field(&x);
			x.ws_seen = false;
		}
		if (pw != PW_NO)
			continue;
		if (sh->opt.braceexpand && brace_candidate(w))
			bw = brace_expand(sh, w), end = NULL;
		for (; bw != end && !x.err; bw = bw->next) {
			/* bash outside posix mode: tilde expansion after the = and
			 * the colons of an argument that looks like name=value */
			bool asg = args && !sh->opt.posix && assignment_eq(bw);
			x.decl = asg;
			xs_expand_word(&x, bw, asg);
			if (x.started)
				xs_push_field(&x);
			x.ws_seen = false;
		}
	}
	xfree(&x);
	if (x.err) {
		sh->expand_err = x.err;
		return -1;
	}
	*out = x.fields;
	return (int)x.n;
}

/* True if `w` starts with an unquoted "name=" (an assignment-like word). */
static bool
assignment_like(struct word *w)
{
	struct wpart *p = w->parts;
	size_t n;

	if (p == NULL || p->kind != WP_LIT || p->u.lit.quoted)
		return false;
	n = var_name_len(p->u.lit.text);
	if (n == 0 || n >= p->u.lit.len)
		return false;
	if (p->u.lit.text[n] == '+' && n + 1 < p->u.lit.len)
		n++;
	return p->u.lit.text[n] == '=' || p->u.lit.text[n] == '[';
}

int
expand_words_decl(struct shell *sh, struct word *words, char ***out)
{
	struct word *w, *rest;
	char **f, **all, *v;
	int n, total = 0, i;

	/* The arguments of export, readonly and local that look like
	 * assignments are expanded as assignments (POSIX.1-2024 declaration
	 * utilities): tilde after = and :, no field splitting, no globbing. */
	all = arena_alloc(&sh->eval, sizeof *all);
	for (w = words; w != NULL; w = rest) {
		rest = w->next;
		if (w != words && assignment_like(w)) {
			struct xstate x;
			xinit(&x, sh, X_STR);
			x.decl = true;
			xs_expand_word(&x, w, true);
			if (x.err) {
				sh->expand_err = x.err;
				xfree(&x);
				return -1;
			}
			v = arena_strndup(&sh->eval, x.cur.s, x.cur.len);
			xfree(&x);
			f = &v;
			n = 1;
		} else {
			struct word one = *w;
			one.next = NULL;
			n = expand_words(sh, &one, &f);
			if (n < 0)
				return -1;
		}
		char **grown = arena_alloc(&sh->eval, (size_t)(total + n + 1) * sizeof *grown);
		memcpy(grown, all, (size_t)total * sizeof *grown);
		for (i = 0; i < n; i++)
			grown[total + i] = f[i];
		total += n;
		grown[total] = NULL;
		all = grown;
	}
	*out = all;
	return total;
}

char *
expand_word_str(struct shell *sh, struct word *w)
{
	return xs_word_to_str(sh, w, X_STR, false);
}

char *
expand_assign_value(struct shell *sh, struct word *w)
{
	return xs_word_to_str(sh, w, X_STR, true);
}

char *
expand_word_pattern(struct shell *sh, struct word *w)
{
	return xs_word_to_str(sh, w, X_PATTERN, false);
}

char *
expand_word_repl(struct shell *sh, struct word *w)
{
	return xs_word_to_str(sh, w, X_REPL, false);
}

char *
expand_word_regex(struct shell *sh, struct word *w)
{
	return xs_word_to_str(sh, w, X_REGEX, false);
}

/* Expands a here-document body: parameters, command substitutions and
 * arithmetic, no splitting or globbing (XCU 2.7.4). */
char *
expand_heredoc(struct shell *sh, struct heredoc *h)
{
	if (h->body == NULL || h->body->parts == NULL)
		return "";
	return xs_word_to_str(sh, h->body, X_STR, false);
}
