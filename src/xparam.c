/* xparam.c: parameter expansion, XCU 2.6.2: $name, ${name}, the POSIX
 * operators (- = ? + # % and their : forms), the special parameters and
 * bash's ${!name}, ${name[i]}, ${!prefix*} and the operators of param.c.
 * Part of the word expander (xstate.h). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assign.h"
#include "input.h"
#include "numfmt.h"
#include "subscript.h"
#include "param.h"
#include "plainword.h"
#include "parse.h"
#include "xstate.h"

/* ---- parameters (XCU 2.6.2) ---- */



/* The word of ${p-w} / ${p+w}, expanded in place: unquoted, its text is
 * split and tilde-expanded like the rest of the expansion. */
static void
expand_arg(struct xstate *x, struct word *w, bool quoted)
{
	if (quoted) {
		xs_expand_parts(x, w->parts, true);
		return;
	}
	x->in_arg++;
	/* bash: a=${u:-b:~} expands the tilde after the colon too */
	xs_expand_word(x, w, x->asg && !x->sh->opt.posix);
	x->in_arg--;
}

/* Places a list of values as $@ (at) or $* does: "$@" one field each,
 * "$*" and non-splitting contexts joined by IFS's first character,
 * unquoted each element split on its own (XCU 2.5.2). `plain`: $@ or
 * ${a[@]} without an operator, which bash joins by spaces where no
 * splitting follows. */
static void
emit_list(struct xstate *x, char *const *v, size_t n, bool at, bool quoted, bool plain)
{
	char sepbuf[8];

	if (quoted && at && x->mode == X_FIELDS) {
		/* "$@": one field per element, the first and last joined to
		 * the text around them (XCU 2.5.2) */
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				xs_push_field(x);
			xs_add_text(x, v[i], strlen(v[i]), true);
		}
		return;
	}
	if (quoted || x->mode != X_FIELDS) {
		/* "$*", and $@ or $* where no splitting follows (x=$@, case
		 * $@, here-docs): joined by the first character of IFS, as
		 * "$*" is (XCU 2.5.2 leaves $@ unspecified there; this is what
		 * dash and yash do). */
		const char *sep = ifs_join_sep(xs_ifs(x), sepbuf, sizeof sepbuf);
		if (at && plain && !x->sh->opt.posix)
			sep = " ";	/* bash: "$@" "${a[@]}" by spaces, x="$@" */
		char *j = param_join(x->sh, v, n, sep);
		xs_add_result(x, j, strlen(j), quoted);
		return;
	}
	/* unquoted $@ and $*: each element split on its own */
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && x->started)
			xs_push_field(x);
		xs_add_result(x, v[i], strlen(v[i]), false);
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
			const char *ifs = xs_ifs(x);
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
		/* bash joins ${@:o:l} by spaces too, but not ${a[@]:o:l} */
		emit_list(x, out, nout, at, quoted, pp->op == PARAM_SUBSTR);
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
		xs_add_result(x, out[0], strlen(out[0]), quoted);
}

/* ${!prefix*} ${!prefix@} */
static void
expand_names(struct xstate *x, struct wpart *p, bool quoted)
{
	char **names;
	size_t n = param_names(x->sh, p->u.param.name, &names);

	emit_list(x, names, n, p->u.param.op == PARAM_NAMES_AT, quoted, false);
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
		emit_list(x, list, n, p->u.param.subkind == '@', quoted,
		    p->u.param.op == PARAM_PLAIN && !p->u.param.keys);
	else if (r == SUB_ARG)
		expand_arg(x, p->u.param.arg, quoted);
	else if (r == SUB_ERROR)
		x->err = x->sh->expand_err ? x->sh->expand_err : 1;
}


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
		xs_expand_param(x, &q, quoted);
}

/* set -u: the parameter as bash names it outside posix mode: "a[i]" with
 * the subscript as written, "!x" for ${!x}, "$1" for $1 but "1" for ${1};
 * dash's words and the name alone in posix mode. */
static void
unset_error(struct shell *sh, const struct wpart *w, const char *name)
{
	struct strbuf b = STRBUF_INIT;

	if (sh->opt.posix) {
		diag_error(sh, "%s: parameter not set", name);
		return;
	}
	if (w->u.param.indirect)
		sb_printf(&b, "!%s", w->u.param.name);
	else if (!w->u.param.braced && isdigit((unsigned char)name[0]))
		sb_printf(&b, "$%s", name);
	else
		sb_adds(&b, name);
	if (w->u.param.subscript != NULL && !w->u.param.indirect) {
		sb_addc(&b, '[');
		ast_print_word(&b, w->u.param.subscript);
		sb_addc(&b, ']');
	}
	diag_error(sh, "%s: unbound variable", b.s);
	sb_free(&b);
}

void
xs_expand_param(struct xstate *x, struct wpart *p, bool quoted)
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
	const struct wpart *written = p;	/* for the set -u message */
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
	if (star && set && xs_ifs(x) != NULL && *xs_ifs(x) == '\0') {
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
			char *v = p->u.param.arg ? xs_word_to_str(sh, p->u.param.arg, X_STR, false) : "";
			char *sub = p->u.param.subscript ? expand_word_str(sh, p->u.param.subscript) : NULL;
			if (v == NULL || (p->u.param.subscript && sub == NULL) ||
			    (sub ? assign_elem(sh, name, sub, v, false) : var_set(sh, name, v, 0)) != 0 ||
			    (val = sub ? subscript_elem_text(sh, name, sub, &x->err) : var_get(sh, name)) == NULL) {
				x->err = 1;
				return;
			}
			xs_add_result(x, val, strlen(val), quoted);
			return;
		}
		break;
	case PARAM_ERROR:
		if (empty) {
			char *msg = p->u.param.arg ? xs_word_to_str(sh, p->u.param.arg, X_STR, false) : NULL;
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
		unset_error(sh, written, name);
		x->err = 3;
		return;
	}
	if (op == PARAM_LENGTH) {
		size_t len = at || star ? (size_t)sh->argc : (val ? param_length(val) : 0);
		char *t = fmt_long((long)len, tmp + sizeof tmp);
		xs_add_result(x, t, (size_t)(tmp + sizeof tmp - 1 - t), quoted);
		return;
	}
	if (op >= PARAM_RM_SSUFFIX && op <= PARAM_RM_LPREFIX && (at || star)) {
		/* each positional parameter on its own (bash; unspecified by POSIX) */
		char **l = arena_alloc(&sh->eval, ((size_t)sh->argc + 1) * sizeof *l);
		memcpy(l, sh->argv, (size_t)sh->argc * sizeof *l);
		if (subscript_remove_each(sh, &p->u.param, (size_t)sh->argc, l) != 0)
			x->err = 1;
		else
			emit_list(x, l, (size_t)sh->argc, at, quoted, false);
		return;
	}
	if (op >= PARAM_RM_SSUFFIX && op <= PARAM_RM_LPREFIX) {
		char *pat = p->u.param.arg ? xs_word_to_str(sh, p->u.param.arg, X_PATTERN, false) : "";
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
			xs_add_result(x, v, strlen(v), quoted);
			return;
		default:
			k = pattern_suffix_flags(pat, v, op == PARAM_RM_LSUFFIX, x->sh->shopt.extglob ? PAT_EXTGLOB : 0);
			xs_add_result(x, v, k >= 0 ? (size_t)k : strlen(v), quoted);
			return;
		}
	}
	if (op >= PARAM_SUBSTR) {
		expand_ext(x, p, name, val, set, quoted);
		return;
	}
	if (at || star) {
		emit_list(x, sh->argv, (size_t)sh->argc, at, quoted, true);
		return;
	}
	if (val != NULL)
		xs_add_result(x, val, strlen(val), quoted);
}
