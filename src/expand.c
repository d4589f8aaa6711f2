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

enum xmode {
	X_FIELDS,	/* split and glob: command words, for lists */
	X_STR,		/* one string: assignments, redirections, here-docs */
	X_PATTERN,	/* one pattern string: case, ${p#w} */
	X_REPL,		/* the replacement of ${p/x/r}: like X_STR, with
			 * quoted & and \ backslash-escaped (patsub_replacement) */
	X_REGEX,	/* one ERE: the right side of [[ =~ ]] */
};

struct xstate {
	struct shell *sh;
	enum xmode mode;
	struct strbuf cur, pat;
	bool started;		/* the current field exists (maybe empty) */
	bool ws_seen;		/* IFS white space just ended a field, so a
				 * following non-white IFS character belongs
				 * to the same delimiter */
	bool magic;		/* an unquoted * ? [ is in the field */
	int in_arg;		/* inside the word of ${p-w}: its literals split */
	bool decl;		/* a name=value argument of export/readonly/local */
	struct cond_rebr br;	/* X_REGEX: bracket expression state */
	const char *ifs;	/* xifs() */
	bool ifs_read;
	char **fields;
	size_t n, cap;
	int err;
};

static void expand_parts(struct xstate *x, struct wpart *p, bool quoted);

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
static void
push_field(struct xstate *x)
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
static void
add_text(struct xstate *x, const char *s, size_t len, bool quoted)
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
static const char *
xifs(struct xstate *x)
{
	if (!x->ifs_read)
		x->ifs = var_get(x->sh, "IFS");
	x->ifs_read = true;
	return x->ifs;
}

/* Appends the result of an expansion. Unquoted results in field mode are
 * split on IFS (XCU 2.6.5). */
static void
add_result(struct xstate *x, const char *s, size_t len, bool quoted)
{
	const char *ifs;
	size_t i, run;

	if (quoted || x->mode != X_FIELDS || ((ifs = xifs(x)) != NULL && *ifs == '\0')) {
		if (len > 0 || quoted)
			add_text(x, s, len, quoted);
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
			add_text(x, s + i, run, false);
		} else if (ifs_ws(s[i])) {
			/* White space only delimits after a field; leading
			 * white space is dropped and does not count as part
			 * of a delimiter, so IFS=' :' splits " : a" into ""
			 * and "a" (XCU 2.6.5). */
			if (x->started) {
				push_field(x);
				x->ws_seen = true;
			}
		} else {
			if (x->started)
				push_field(x);
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
	add_text(x, home, strlen(home), true);
	return end;
}

/* ---- parameters (XCU 2.6.2) ---- */

static char *
word_to_str(struct shell *sh, struct word *w, enum xmode mode, bool in_assign);

static void expand_word(struct xstate *x, struct word *w, bool in_assign);

/* The word of ${p-w} / ${p+w}, expanded in place: unquoted, its text is
 * split and tilde-expanded like the rest of the expansion. */
static void
expand_arg(struct xstate *x, struct word *w, bool quoted)
{
	if (quoted) {
		expand_parts(x, w->parts, true);
		return;
	}
	x->in_arg++;
	expand_word(x, w, false);
	x->in_arg--;
}

/* Places a list of values as $@ (at) or $* does: "$@" one field each,
 * "$*" and non-splitting contexts joined by IFS's first character,
 * unquoted each element split on its own (XCU 2.5.2). */
static void
emit_list(struct xstate *x, char *const *v, size_t n, bool at, bool quoted)
{
	char sepbuf[8];

	if (quoted && at && x->mode == X_FIELDS) {
		/* "$@": one field per element, the first and last joined to
		 * the text around them (XCU 2.5.2) */
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				push_field(x);
			add_text(x, v[i], strlen(v[i]), true);
		}
		return;
	}
	if (quoted || x->mode != X_FIELDS) {
		/* "$*", and $@ or $* where no splitting follows (x=$@, case
		 * $@, here-docs): joined by the first character of IFS, as
		 * "$*" is (XCU 2.5.2 leaves $@ unspecified there; this is what
		 * dash and yash do). */
		const char *sep = ifs_join_sep(xifs(x), sepbuf, sizeof sepbuf);
		char *j = param_join(x->sh, v, n, sep);
		add_result(x, j, strlen(j), quoted);
		return;
	}
	/* unquoted $@ and $*: each element split on its own */
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && x->started)
			push_field(x);
		add_result(x, v[i], strlen(v[i]), false);
	}
}

/* The bash operators (param.c) on a scalar or on $@ / $*. An unset
 * scalar gives nothing. */
static void
expand_ext(struct xstate *x, struct wpart *p, const char *name, const char *val,
    bool set, bool quoted)
{
	struct shell *sh = x->sh;
	const struct param *pp = &p->u.param;
	bool at = strcmp(name, "@") == 0, star = strcmp(name, "*") == 0;
	char **out;
	size_t nout;
	int r;

	if (at || star) {
		if (pp->op == PARAM_SUBSTR) {
			/* ${@:0} starts with $0 */
			const char **all = arena_alloc(&sh->eval,
			    ((size_t)sh->argc + 2) * sizeof *all);
			all[0] = sh->arg0;
			for (int i = 0; i < sh->argc; i++)
				all[i + 1] = sh->argv[i];
			r = param_apply(sh, pp, name, all, (size_t)sh->argc + 1, true, &out, &nout);
		} else if (pp->op == PARAM_TRANSFORM && pp->transform == 'A') {
			const char *ifs = xifs(x);
			char sep[2] = { ifs == NULL ? ' ' : *ifs, '\0' };
			out = param_set_line(sh, at, sep, &nout);	/* set -- 'a' 'b' */
			r = 0;
		} else {
			r = param_apply(sh, pp, name, (const char *const *)sh->argv,
			    (size_t)sh->argc, true, &out, &nout);
		}
		if (r != 0) {
			x->err = sh->expand_err ? sh->expand_err : 1;
			return;
		}
		emit_list(x, out, nout, at, quoted);
		return;
	}
	if (!set && pp->op == PARAM_TRANSFORM && pp->transform == 'a' && var_is_name(name) &&
	    var_lookup(sh, name) != NULL)
		val = "";	/* declared, or an array without [0]: still has attributes */
	else if (!set)
		return;
	if (param_apply(sh, pp, name, &val, 1, false, &out, &nout) != 0) {
		x->err = sh->expand_err ? sh->expand_err : 1;
		return;
	}
	if (nout > 0)
		add_result(x, out[0], strlen(out[0]), quoted);
}

/* ${!prefix*} ${!prefix@} */
static void
expand_names(struct xstate *x, struct wpart *p, bool quoted)
{
	char **names;
	size_t n = param_names(x->sh, p->u.param.name, &names);

	emit_list(x, names, n, p->u.param.op == PARAM_NAMES_AT, quoted);
}

/* ${!name...}: the value of `name` is the name of the parameter the rest
 * applies to. Returns it (eval arena), or NULL after a diagnostic. */
static const char *
indirect_name(struct xstate *x, const char *name, struct word *sub)
{
	struct shell *sh = x->sh;
	char tmp[64];
	const char *t;

	if (sub != NULL) {	/* ${!a[i]}: the element names it (bash) */
		if ((t = subscript_elem(sh, name, sub, &x->err)) == NULL && x->err)
			return NULL;
	} else if (strcmp(name, "@") == 0 || strcmp(name, "*") == 0)
		t = sh->argc > 0 ? sh->argv[sh->argc - 1] : NULL;
	else
		t = param_value(sh, name, tmp, sizeof tmp);
	struct var *v = t == NULL && sub == NULL ? var_lookup(sh, name) : NULL;
	if (v != NULL && (v->arr != NULL || v->flags & (VAR_ARRAY | VAR_ASSOC)))
		return "";	/* an array without [0]: names nothing, no error (bash) */
	if (t == NULL) {
		diag_error(sh, "%s: invalid indirect expansion", name);
		x->err = 1;
		return NULL;
	}
	if (!param_name_ok(t) && subscript_ref_len(t) == 0) {
		diag_error(sh, "%s: invalid variable name", t);
		x->err = 1;
		return NULL;
	}
	return arena_strdup(&sh->eval, t);
}

/* ${a[@]...} ${a[*]...} ${!a[@]} (subscript.c): placed as $@ and $* are. */
static void
expand_array(struct xstate *x, struct wpart *p, const char *name, bool quoted)
{
	char **list;
	size_t n;
	enum sub_result r = subscript_list(x->sh, &p->u.param, name, &list, &n);

	if (r == SUB_LIST)
		emit_list(x, list, n, p->u.param.subkind == '@', quoted);
	else if (r == SUB_ARG)
		expand_arg(x, p->u.param.arg, quoted);
	else if (r == SUB_ERROR)
		x->err = x->sh->expand_err ? x->sh->expand_err : 1;
}

static void expand_param(struct xstate *x, struct wpart *p, bool quoted);

/* ${!ref...} where ref's value is "name[sub]": the operators apply to that
 * element (or to name[@] / name[*]), the subscript expanded as data. */
static void
expand_indirect_elem(struct xstate *x, struct wpart *p, const char *ref, size_t nl, bool quoted)
{
	struct shell *sh = x->sh;
	struct wpart q = *p;
	const char *sub = ref + nl + 1;
	size_t sl = strlen(sub) - 1;

	q.u.param.name = arena_strndup(&sh->eval, ref, nl);
	q.u.param.indirect = 0;
	if (sl == 1 && (sub[0] == '@' || sub[0] == '*'))
		q.u.param.subkind = sub[0];
	else if ((q.u.param.subscript = subscript_word(sh, arena_strndup(&sh->eval, sub, sl))) == NULL)
		x->err = 1;
	if (!x->err)
		expand_param(x, &q, quoted);
}

static void
expand_param(struct xstate *x, struct wpart *p, bool quoted)
{
	struct shell *sh = x->sh;
	const char *name = p->u.param.name;
	enum param_op op = p->u.param.op;
	char tmp[64];
	const char *val = NULL;
	bool set;

	if (op == PARAM_NAMES_STAR || op == PARAM_NAMES_AT) {
		expand_names(x, p, quoted);
		return;
	}
	if (!param_name_ok(name)) {
		diag_error(sh, "${%s}: bad substitution", name);
		x->err = 2;
		return;
	}
	/* ${!ref} of a nameref is the name it refers to (bash) */
	struct var *nr = p->u.param.indirect && !p->u.param.subkind && !p->u.param.subscript ?
	    var_lookup_raw(sh, name) : NULL;
	if (nr != NULL && !(nr->flags & VAR_NAMEREF))
		nr = NULL;
	struct wpart q;
	if (p->u.param.indirect && nr == NULL) {
		if ((name = indirect_name(x, name, p->u.param.subscript)) == NULL)
			return;
		q = *p;
		q.u.param.subscript = NULL;
		p = &q;
		size_t nl = subscript_ref_len(name);
		if (nl > 0 && !p->u.param.subkind && p->u.param.subscript == NULL) {
			expand_indirect_elem(x, p, name, nl, quoted);
			return;
		}
	}
	if (p->u.param.subkind) {
		expand_array(x, p, name, quoted);
		return;
	}
	bool at = strcmp(name, "@") == 0, star = strcmp(name, "*") == 0;

	if (nr != NULL) {
		val = nr->value;
		set = val != NULL;
	} else if (p->u.param.subscript) {
		if ((val = subscript_elem(sh, name, p->u.param.subscript, &x->err)), x->err)
			return;
		set = val != NULL;
	} else if (at || star) {
		set = sh->argc > 0;
		if (op == PARAM_PLAIN || op == PARAM_LENGTH)
			goto use;
		/* for the tests below, $@ behaves as "$*" joined by space */
		val = param_join(sh, sh->argv, (size_t)sh->argc, " ");
	} else {
		val = param_value(sh, name, tmp, sizeof tmp);
		set = val != NULL;
	}
	bool null = !set || val == NULL || *val == '\0';
	if (at || star)
		null = !set || (sh->argc == 1 && sh->argv[0][0] == '\0');
	/* with IFS empty, $* of empty strings joins to null (dash, bash) */
	if (star && set && xifs(x) != NULL && *xifs(x) == '\0') {
		null = true;
		for (int i = 0; i < sh->argc; i++)
			null = null && sh->argv[i][0] == '\0';
	}
	bool empty = p->u.param.colon ? null : !set;

	switch (op) {
	case PARAM_PLAIN:
	case PARAM_LENGTH:
		break;
	case PARAM_DEFAULT:
		if (empty && p->u.param.arg)
			expand_arg(x, p->u.param.arg, quoted);
		if (empty)
			return;
		break;
	case PARAM_ALT:
		if (!empty && p->u.param.arg)
			expand_arg(x, p->u.param.arg, quoted);
		return;
	case PARAM_ASSIGN:
		if (empty) {
			if (!var_is_name(name)) {
				/* an expansion error: fatal (XCU 2.8.1) */
				diag_error(sh, "%s: bad variable name", name);
				x->err = 2;
				return;
			}
			char *v = p->u.param.arg ? word_to_str(sh, p->u.param.arg, X_STR, false) : "";
			char *sub = p->u.param.subscript ? expand_word_str(sh, p->u.param.subscript) : NULL;
			if (v == NULL || (p->u.param.subscript && sub == NULL) ||
			    (sub ? assign_elem(sh, name, sub, v, false) : var_set(sh, name, v, 0)) != 0 ||
			    (val = sub ? subscript_elem_text(sh, name, sub, &x->err) : var_get(sh, name)) == NULL) {
				x->err = 1;
				return;
			}
			add_result(x, val, strlen(val), quoted);
			return;
		}
		break;
	case PARAM_ERROR:
		if (empty) {
			char *msg = p->u.param.arg ? word_to_str(sh, p->u.param.arg, X_STR, false) : NULL;
			if (msg != NULL && *msg)
				diag_error(sh, "%s: %s", name, msg);
			else
				diag_error(sh, "%s: parameter %s", name, !p->u.param.colon ? "not set" :
				    sh->opt.posix ? "not set or null" : "null or not set");
			x->err = 3;
			return;
		}
		break;
	case PARAM_RM_SSUFFIX:
	case PARAM_RM_LSUFFIX:
	case PARAM_RM_SPREFIX:
	case PARAM_RM_LPREFIX:
		break;
	case PARAM_SUBSTR:
	case PARAM_REPL_FIRST:
	case PARAM_REPL_ALL:
	case PARAM_REPL_PREFIX:
	case PARAM_REPL_SUFFIX:
	case PARAM_UPPER_FIRST:
	case PARAM_UPPER_ALL:
	case PARAM_LOWER_FIRST:
	case PARAM_LOWER_ALL:
	case PARAM_TOGGLE_FIRST:
	case PARAM_TOGGLE_ALL:
	case PARAM_TRANSFORM:
		break;	/* param.c, below */
	case PARAM_NAMES_STAR:
	case PARAM_NAMES_AT:
		return;	/* handled above */
	}
use:
	if (!set && sh->opt.nounset && !at && !star) {
		diag_error(sh, "%s: %s", name, sh->opt.posix ? "parameter not set" : "unbound variable");
		x->err = 3;
		return;
	}
	if (op == PARAM_LENGTH) {
		size_t len = at || star ? (size_t)sh->argc : (val ? param_length(val) : 0);
		snprintf(tmp, sizeof tmp, "%zu", len);
		add_result(x, tmp, strlen(tmp), quoted);
		return;
	}
	if (op >= PARAM_RM_SSUFFIX && op <= PARAM_RM_LPREFIX && (at || star)) {
		/* each positional parameter on its own (bash; unspecified by POSIX) */
		char **l = arena_alloc(&sh->eval, ((size_t)sh->argc + 1) * sizeof *l);
		memcpy(l, sh->argv, (size_t)sh->argc * sizeof *l);
		if (subscript_remove_each(sh, &p->u.param, (size_t)sh->argc, l) != 0)
			x->err = 1;
		else
			emit_list(x, l, (size_t)sh->argc, at, quoted);
		return;
	}
	if (op >= PARAM_RM_SSUFFIX && op <= PARAM_RM_LPREFIX) {
		char *pat = p->u.param.arg ? word_to_str(sh, p->u.param.arg, X_PATTERN, false) : "";
		const char *v = val ? val : "";
		long k;
		if (pat == NULL) {
			x->err = 1;
			return;
		}
		switch (op) {
		case PARAM_RM_SPREFIX:
		case PARAM_RM_LPREFIX:
			k = pattern_prefix_flags(pat, v, op == PARAM_RM_LPREFIX, x->sh->shopt.extglob ? PAT_EXTGLOB : 0);
			if (k > 0)
				v += k;
			add_result(x, v, strlen(v), quoted);
			return;
		default:
			k = pattern_suffix_flags(pat, v, op == PARAM_RM_LSUFFIX, x->sh->shopt.extglob ? PAT_EXTGLOB : 0);
			add_result(x, v, k >= 0 ? (size_t)k : strlen(v), quoted);
			return;
		}
	}
	if (op >= PARAM_SUBSTR) {
		expand_ext(x, p, name, val, set, quoted);
		return;
	}
	if (at || star) {
		emit_list(x, sh->argv, (size_t)sh->argc, at, quoted);
		return;
	}
	if (val != NULL)
		add_result(x, val, strlen(val), quoted);
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
		add_result(x, out.s, out.len, true);
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
	add_result(x, out.s, out.len, quoted);
	sb_free(&out);
}

static void
expand_arith(struct xstate *x, struct wpart *p, bool quoted)
{
	const char *expr = plainword_literal(p->u.arith.expr, false);
	long v;
	char tmp[32];

	if (expr == NULL)	/* $((...)) with expansions in it */
		expr = word_to_str(x->sh, p->u.arith.expr, X_STR, false);
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
	add_result(x, d, (size_t)(end - d), quoted);
}

/* Walks parts; `quoted` is set inside double quotes. */
static void
expand_parts(struct xstate *x, struct wpart *p, bool quoted)
{
	for (; p != NULL && !x->err; p = p->next) {
		switch (p->kind) {
		case WP_LIT:
			if (x->in_arg && !quoted && !p->u.lit.quoted)
				add_result(x, p->u.lit.text, p->u.lit.len, false);
			else
				add_text(x, p->u.lit.text, p->u.lit.len, quoted || p->u.lit.quoted);
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
			expand_parts(x, p->u.dq, true);
			break;
		case WP_PARAM:
			expand_param(x, p, quoted);
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
				add_text(x, t, strlen(t), true);
			break;
		}
		}
	}
}

/* Expands one word, with tilde expansion at its start (and after ':' in
 * assignments). */
static void
expand_word(struct xstate *x, struct word *w, bool in_assign)
{
	struct wpart *p = w->parts;

	if (p != NULL && p->kind == WP_LIT && !p->u.lit.quoted && p->u.lit.len > 0 &&
	    (p->u.lit.text[0] == '~' || (in_assign && (memchr(p->u.lit.text, ':', p->u.lit.len) ||
	     x->decl)))) {
		const char *s = p->u.lit.text;
		size_t len = p->u.lit.len, i = 0;
		bool at_start = !x->decl;
		if (x->decl) {
			/* name=value of a declaration utility: tilde after the = */
			size_t n = var_name_len(s);
			n += s[n] == '+' ? 2 : 1;
			add_text(x, s, n, false);
			i = n;
			at_start = true;
			x->decl = false;	/* words nested in ${...} are not */
		}
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
			add_text(x, s + i, 1, false);
			i++;
		}
		p = p->next;
	}
	expand_parts(x, p, false);
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

static char *
word_to_str(struct shell *sh, struct word *w, enum xmode mode, bool in_assign)
{
	struct xstate x;
	char *r;

	if (mode == X_STR && (r = plainword_value(sh, w)) != NULL)
		return r;
	xinit(&x, sh, mode);
	expand_word(&x, w, in_assign);
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
		if (pw == PW_UNQUOTED && (ifs = xifs(&x), strpbrk(pf, ifs ? ifs : " \t\n") == NULL) &&
		    strpbrk(pf, "*?[(") == NULL)
			pw = PW_FIELD;	/* nothing in it to split or glob */
		if (pw == PW_FIELD)
			add_field(&x, pf);
		if (pw == PW_UNQUOTED) {
			add_result(&x, pf, strlen(pf), false);
			if (x.started)
				push_field(&x);
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
			expand_word(&x, bw, asg);
			if (x.started)
				push_field(&x);
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
			expand_word(&x, w, true);
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
	return word_to_str(sh, w, X_STR, false);
}

char *
expand_assign_value(struct shell *sh, struct word *w)
{
	return word_to_str(sh, w, X_STR, true);
}

char *
expand_word_pattern(struct shell *sh, struct word *w)
{
	return word_to_str(sh, w, X_PATTERN, false);
}

char *
expand_word_repl(struct shell *sh, struct word *w)
{
	return word_to_str(sh, w, X_REPL, false);
}

char *
expand_word_regex(struct shell *sh, struct word *w)
{
	return word_to_str(sh, w, X_REGEX, false);
}

/* Expands a here-document body: parameters, command substitutions and
 * arithmetic, no splitting or globbing (XCU 2.7.4). */
char *
expand_heredoc(struct shell *sh, struct heredoc *h)
{
	if (h->body == NULL || h->body->parts == NULL)
		return "";
	return word_to_str(sh, h->body, X_STR, false);
}
