/* subscript.c: what ${a[i]}, ${a[@]}, ${a[*]} and ${!a[@]} stand for:
 * the element of an arithmetic (indexed) or literal (associative)
 * subscript, and the element or subscript lists with each operator
 * applied to every element (bash, ksh). expand.c places the results with
 * the rules of $@ and $*. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"
#include "parse.h"
#include "shell.h"
#include "subscript.h"
#include "../builtins/declare.h"

const char *
subscript_elem_text(struct shell *sh, const char *name, const char *s, int *err)
{
	struct var *v = var_lookup(sh, name);
	long i;
	bool bad;

	if (v != NULL && v->flags & VAR_ASSOC)
		return var_assoc_get(v, s);
	if (arith_eval(sh, s, &i) != 0) {
		*err = sh->arith_unset ? 3 : 4;
		return NULL;
	}
	if (v == NULL)
		return NULL;
	const char *r = var_elem_get(sh, v, i, &bad);
	if (bad)	/* not fatal in bash: the element is just unset */
		diag_error(sh, "%s: bad array subscript", name);
	return r;
}

const char *
subscript_elem(struct shell *sh, const char *name, struct word *sub, int *err)
{
	char *s = expand_word_str(sh, sub);

	if (s == NULL) {
		*err = sh->expand_err ? sh->expand_err : 1;
		return NULL;
	}
	return subscript_elem_text(sh, name, s, err);
}

size_t
subscript_ref_len(const char *s)
{
	size_t n = var_name_len(s), sl = strlen(s);
	int depth = 0;

	if (n == 0 || s[n] != '[' || sl < n + 3 || s[sl - 1] != ']')
		return 0;
	for (size_t i = n + 1; i < sl - 1; i++)
		if (s[i] == '[')
			depth++;
		else if (s[i] == ']' && --depth < 0)
			return 0;
	return depth == 0 ? n : 0;
}

/* The source "_[TEXT]=" for the parser: blanks outside quotes and
 * $( ) ${ } are backslash-quoted, so the subscript stays one word. */
static void
subscript_source(struct strbuf *b, const char *t)
{
	int depth = 0;
	char q = 0;

	sb_adds(b, "_[");
	for (; *t; t++) {
		if (q == 0 && *t == '\\' && t[1] != '\0') {
			sb_addc(b, *t++);
		} else if (q != 0) {
			if (*t == q)
				q = 0;
			else if (q == '"' && *t == '\\' && t[1] != '\0')
				sb_addc(b, *t++);
		} else if (*t == '\'' || *t == '"' || *t == '`') {
			q = *t;
		} else if (*t == '(' || *t == '{') {
			depth++;
		} else if ((*t == ')' || *t == '}') && depth > 0) {
			depth--;
		} else if (depth == 0 && strchr(" \t\n;&|<>", *t) != NULL) {
			sb_addc(b, '\\');
		}
		sb_addc(b, *t);
	}
	sb_adds(b, "]=\n");
}

struct subscript_job {
	const char *text;
	char *r;
};

static void
expand_subscript_cmd(struct shell *sh, struct ast_node *n, void *ctx)
{
	struct subscript_job *j = ctx;
	struct ast_simple *c = n != NULL && n->kind == AST_SIMPLE ? (void *)n : NULL;

	if (c != NULL && c->assigns != NULL && c->assigns->subscript != NULL &&
	    c->words == NULL)
		j->r = expand_word_str(sh, c->assigns->subscript);
	else
		diag_error(sh, "%s: bad array subscript", j->text);
}

char *
subscript_expand(struct shell *sh, const char *text)
{
	if (strpbrk(text, "$`'\"\\~") == NULL)
		return arena_strdup(&sh->eval, text);

	struct strbuf src = STRBUF_INIT;
	struct subscript_job j = { text, NULL };

	subscript_source(&src, text);
	parse_string_with(sh, src.s, expand_subscript_cmd, &j);
	sb_free(&src);
	return j.r;
}

/* ${a[@]#w} and the other removals, on each element in place. */
int
subscript_remove_each(struct shell *sh, const struct param *pp, size_t n, char **v)
{
	enum param_op op = pp->op;
	char *pat = pp->arg ? expand_word_pattern(sh, pp->arg) : "";
	long k;

	if (pat == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *s = v[i];
		if (op == PARAM_RM_SPREFIX || op == PARAM_RM_LPREFIX) {
			k = pattern_prefix(pat, s, op == PARAM_RM_LPREFIX);
			v[i] = (char *)(k > 0 ? s + k : s);
		} else {
			k = pattern_suffix(pat, s, op == PARAM_RM_LSUFFIX);
			if (k >= 0)
				v[i] = arena_strndup(&sh->eval, s, (size_t)k);
		}
	}
	return 0;
}

static int
arith_word(struct shell *sh, struct word *w, long *r)
{
	char *e = expand_word_str(sh, w);

	return e == NULL || arith_eval(sh, e, r) != 0 ? -1 : 0;
}

/* ${a[@]:off:len}: the elements from the first whose index is >= off
 * (negative: from the highest index + 1), len of them; associative arrays
 * count positions (bash). Shrinks *n / v in place. */
static int
slice(struct shell *sh, const struct param *pp, bool assoc, size_t *n, char **v, char **keys)
{
	long off, len = -1;

	if (arith_word(sh, pp->arg, &off) != 0)
		return -1;
	if (pp->arg2 != NULL) {
		if (arith_word(sh, pp->arg2, &len) != 0)
			return -1;
		if (len < 0) {
			diag_error(sh, "%s: substring expression < 0", pp->name);
			return -1;
		}
	}
	size_t cnt = *n, first = cnt;
	long top = cnt > 0 ? (assoc ? (long)cnt : strtol(keys[cnt - 1], NULL, 10) + 1) : 0;
	if (off < 0)
		off += top;
	if (off < 0) {
		*n = 0;
		return 0;
	}
	for (size_t i = 0; i < cnt; i++)
		if ((assoc ? (long)i : strtol(keys[i], NULL, 10)) >= off) {
			first = i;
			break;
		}
	cnt -= first;
	if (len >= 0 && (size_t)len < cnt)
		cnt = (size_t)len;
	memmove(v, v + first, cnt * sizeof *v);
	*n = cnt;
	return 0;
}

struct word *
subscript_word(struct shell *sh, const char *text)
{
	char *s = subscript_expand(sh, text);
	struct wpart *lit;
	struct word *w;

	if (s == NULL)
		return NULL;
	lit = arena_alloc(&sh->eval, sizeof *lit);
	w = arena_alloc(&sh->eval, sizeof *w);
	memset(lit, 0, sizeof *lit);
	lit->kind = WP_LIT;
	lit->u.lit.text = s;
	lit->u.lit.len = strlen(s);
	lit->u.lit.quoted = 1;
	w->parts = lit;
	w->next = NULL;
	return w;
}

/* Double-quoted as declare -p writes a value; $'...' for control bytes. */
static void
dq(struct shell *sh, struct strbuf *b, const char *s)
{
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			sb_adds(b, param_quote(sh, s));
			return;
		}
	sb_addc(b, '"');
	for (; *s; s++) {
		if (strchr("\"\\$`", *s))
			sb_addc(b, '\\');
		sb_addc(b, *s);
	}
	sb_addc(b, '"');
}

/* ${a[@]@K}: one word of key "value" pairs (bash ends an associative
 * one with a space); ${a[@]@k}: the keys and values as separate words. */
static void
pairs(struct shell *sh, bool one, bool assoc, char **vals, char **keys, size_t cnt,
    char ***list, size_t *n)
{
	char **l = arena_alloc(&sh->eval, (2 * cnt + 1) * sizeof *l);
	struct strbuf b = STRBUF_INIT;

	for (size_t i = 0; i < cnt; i++) {
		if (!one) {
			l[2 * i] = keys[i];
			l[2 * i + 1] = vals[i];
			continue;
		}
		if (i > 0)
			sb_addc(&b, ' ');
		if (assoc && (*keys[i] == '\0' ||
		    strpbrk(keys[i], " \t\n'\"\\|&;()<>!{}*[]?^$`~#=%") != NULL))
			dq(sh, &b, keys[i]);
		else
			sb_adds(&b, keys[i]);
		sb_addc(&b, ' ');
		dq(sh, &b, vals[i]);
	}
	if (one && assoc && cnt > 0)
		sb_addc(&b, ' ');
	if (one)
		l[0] = arena_strndup(&sh->eval, b.s ? b.s : "", b.len);
	*n = cnt == 0 ? 0 : one ? 1 : 2 * cnt;
	*list = l;
	sb_free(&b);
}

/* ${a[@]@A}: the words of a's declare -p line (declare, -a, a=(...));
 * ${a[*]@A}: the line as one word (bash). */
static enum sub_result
decl_words(struct shell *sh, struct var *v, bool at, char ***list, size_t *n)
{
	char *buf = NULL, *w, *sp;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	*n = 0;
	if (f == NULL)
		return SUB_LIST;
	declare_print(f, v);
	fclose(f);
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	w = arena_strndup(&sh->eval, buf, len);
	free(buf);
	*list = arena_alloc(&sh->eval, 4 * sizeof **list);
	(*list)[(*n)++] = w;
	for (int k = 0; at && k < 2 && (sp = strchr(w, ' ')) != NULL; k++) {
		*sp = '\0';
		(*list)[(*n)++] = w = sp + 1;
	}
	return SUB_LIST;
}

enum sub_result
subscript_list(struct shell *sh, const struct param *pp, const char *name, char ***list,
    size_t *n)
{
	struct var *v = var_lookup(sh, name);
	char **vals, **keys = NULL;

	if (pp->op == PARAM_LENGTH) {
		/* ${#a[@]}: the count, without listing the elements */
		char *t = arena_alloc(&sh->eval, 24);
		snprintf(t, 24, "%zu", v != NULL ? var_count(v) : (size_t)0);
		*list = arena_alloc(&sh->eval, sizeof **list);
		(*list)[0] = t;
		*n = 1;
		return SUB_LIST;
	}
	/* the subscripts as text only where they are used */
	bool need_keys = pp->keys || pp->op == PARAM_SUBSTR ||
	    (pp->op == PARAM_TRANSFORM && (pp->transform == 'K' || pp->transform == 'k'));
	size_t cnt = var_elems(sh, v, &sh->eval, &vals, need_keys ? &keys : NULL);
	char **l = pp->keys ? keys : vals;
	bool null = cnt == 0 || (cnt == 1 && l[0][0] == '\0');
	bool empty = pp->colon ? null : cnt == 0;

	*list = l;
	*n = cnt;
	switch (pp->op) {
	case PARAM_PLAIN:
	case PARAM_NAMES_STAR:
	case PARAM_NAMES_AT:
		return SUB_LIST;
	case PARAM_LENGTH:
		return SUB_LIST;	/* above */
	case PARAM_DEFAULT:
	case PARAM_ASSIGN:
		return empty ? (pp->arg ? SUB_ARG : SUB_NONE) : SUB_LIST;
	case PARAM_ALT:
		return !empty && pp->arg ? SUB_ARG : SUB_NONE;
	case PARAM_ERROR:
		if (empty) {
			char *msg = pp->arg ? expand_word_str(sh, pp->arg) : NULL;
			if (msg != NULL && *msg)
				diag_error(sh, "%s: %s", name, msg);
			else
				diag_error(sh, "%s: parameter %s", name,
				    !pp->colon ? "not set" :
				    sh->opt.posix ? "not set or null" : "null or not set");
			sh->expand_err = 3;
			return SUB_ERROR;
		}
		return SUB_LIST;
	case PARAM_RM_SSUFFIX:
	case PARAM_RM_LSUFFIX:
	case PARAM_RM_SPREFIX:
	case PARAM_RM_LPREFIX:
		return subscript_remove_each(sh, pp, cnt, l) == 0 ? SUB_LIST : SUB_ERROR;
	case PARAM_SUBSTR:
		return slice(sh, pp, v != NULL && v->flags & VAR_ASSOC, n, l, keys) == 0 ?
		    SUB_LIST : SUB_ERROR;
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
		if (pp->op == PARAM_TRANSFORM && pp->transform == 'A' && !pp->keys &&
		    v != NULL && (v->flags & (VAR_ARRAY | VAR_ASSOC)))
			return decl_words(sh, v, pp->subkind == '@', list, n);
		if (pp->op == PARAM_TRANSFORM && (pp->transform == 'K' || pp->transform == 'k')) {
			pairs(sh, pp->transform == 'K', v != NULL && v->flags & VAR_ASSOC, vals,
			    keys, cnt, list, n);
			return SUB_LIST;
		}
		return param_apply(sh, pp, name, (const char *const *)l, cnt, true, list, n) == 0 ?
		    SUB_LIST : SUB_ERROR;
	}
	return SUB_LIST;
}
