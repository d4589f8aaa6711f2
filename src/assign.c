/* assign.c: bash's assignments beyond XCU 2.9.1 -- name[sub]=value,
 * name+=value, name=(...) and name+=(...) -- for simple commands and for
 * the arguments of declare, typeset, local, readonly and export.
 *
 * A compound assignment is expanded completely (a=("${a[@]}" x) sees the
 * old a) into a list of (subscript or none, value) pairs, and only then
 * stored. Declaration builtins get their name=(...) arguments as text
 * (expand_words_decl() writes the expanded elements with single quotes,
 * `[k]=` prefixes unquoted), which assign_text() reads back. */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assign.h"
#include "plainword.h"
#include "shell.h"
#include "subscript.h"

struct pair {
	char *key;	/* subscript text, or NULL */
	char *val;
	bool append;	/* [key]+=value */
};

struct pairs {
	struct pair *v;
	size_t n, cap;
};

static void
add_pair(struct shell *sh, struct pairs *ps, char *key, char *val)
{
	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? 2 * ps->cap : 16;
		struct pair *nv = arena_alloc(&sh->eval, cap * sizeof *nv);
		if (ps->n)
			memcpy(nv, ps->v, ps->n * sizeof *nv);
		ps->v = nv;
		ps->cap = cap;
	}
	ps->v[ps->n].key = key;
	ps->v[ps->n].val = val;
	ps->v[ps->n].append = false;
	ps->n++;
}

/* An element word of the form [key]=value or [key]+=value (the '['
 * unquoted): copies of its key and value parts in *key and *val. */
static bool
elem_split(struct shell *sh, struct word *w, struct word *key, struct word *val, bool *append)
{
	struct wpart *p = w->parts, *q, **kt, **vt;
	int depth = 0;
	size_t off = 1;

	if (p == NULL || p->kind != WP_LIT || p->u.lit.quoted || p->u.lit.text[0] != '[')
		return false;
	for (q = p; q != NULL; q = q->next, off = 0) {
		if (q->kind != WP_LIT || q->u.lit.quoted)
			continue;
		for (; off < q->u.lit.len; off++) {
			char c = q->u.lit.text[off];
			if (c == '[')
				depth++;
			else if (c == ']' && depth-- == 0)
				break;
		}
		if (off < q->u.lit.len)
			break;
	}
	if (q == NULL)
		return false;
	const char *t = q->u.lit.text + off + 1;
	bool plus = t[0] == '+' && t[1] == '=';
	if (t[plus] != '=')
		return false;
	*append = plus;
	memset(key, 0, sizeof *key);
	memset(val, 0, sizeof *val);
	kt = &key->parts;
	vt = &val->parts;
	for (struct wpart *r = p;; r = r->next) {
		size_t from = r == p ? 1 : 0;
		size_t to = r == q ? off : (r->kind == WP_LIT ? r->u.lit.len : 0);
		struct wpart *c = arena_alloc(&sh->eval, sizeof *c);
		*c = *r;
		c->next = NULL;
		if (r->kind == WP_LIT) {
			c->u.lit.text = r->u.lit.text + from;
			c->u.lit.len = to - from;
		}
		*kt = c;
		kt = &c->next;
		if (r == q)
			break;
	}
	/* the value: the rest of q after "]=", then the parts after q */
	size_t vs = off + 2 + plus;
	if (vs < q->u.lit.len) {
		struct wpart *c = arena_alloc(&sh->eval, sizeof *c);
		*c = *q;
		c->u.lit.text = q->u.lit.text + vs;
		c->u.lit.len = q->u.lit.len - vs;
		c->next = q->next;
		*vt = c;
	} else {
		*vt = q->next;
	}
	return true;
}

/* Expands the element words of a=( ... ) into pairs. -1 on error. */
static int
expand_elems(struct shell *sh, struct word *elems, struct pairs *ps)
{
	for (struct word *e = elems; e != NULL; e = e->next) {
		struct word key, val;
		bool append;
		if (elem_split(sh, e, &key, &val, &append)) {
			char *k = expand_word_str(sh, &key);
			char *v = val.parts ? expand_assign_value(sh, &val) : "";
			if (k == NULL || v == NULL)
				return -1;
			add_pair(sh, ps, k, v);
			ps->v[ps->n - 1].append = append;
			continue;
		}
		struct word one = *e;
		char **f;
		one.next = NULL;
		int n = expand_words_elems(sh, &one, &f);
		if (n < 0)
			return -1;
		for (int i = 0; i < n; i++)
			add_pair(sh, ps, NULL, f[i]);
	}
	return 0;
}

/* The index an indexed subscript text stands for. */
static int
index_of(struct shell *sh, const char *name, const char *sub, long *idx)
{
	if (*sub == '\0') {
		diag_error(sh, "%s[]: bad array subscript", name);
		return -1;
	}
	return arith_eval(sh, sub, idx);
}

/* Stores the pairs into name (append: after what is there). */
static int
store_pairs(struct shell *sh, const char *name, struct pairs *ps, bool append, unsigned attrs)
{
	struct var *v = var_declare(sh, name);

	if (v == NULL) {
		diag_error(sh, "%s: cannot assign", name);
		return -1;
	}
	if (v->flags & VAR_READONLY) {
		var_readonly_error(sh, v->name);
		return -1;
	}
	if ((attrs & VAR_ASSOC) && !(v->flags & VAR_ASSOC) && v->arr == NULL) {
		free(v->value);
		v->value = NULL;
	}
	if (attrs & (VAR_ASSOC | VAR_ARRAY) && var_make_array(sh, v, attrs & VAR_ASSOC) != 0)
		return -1;
	if (!append) {
		if (var_array_clear(sh, v) != 0)
			return -1;
	} else if (v->arr == NULL && var_make_array(sh, v, (v->flags & VAR_ASSOC) != 0) != 0) {
		return -1;
	}
	bool assoc = v->flags & VAR_ASSOC;
	/* a+=(...) goes on after the highest index: O(1), not a listing */
	long next = append && !assoc && v->arr != NULL ? arr_max(v->arr) + 1 : 0;
	for (size_t i = 0; i < ps->n; i++) {
		struct pair *p = &ps->v[i];
		int rc;
		if (assoc) {
			if (p->key != NULL) {
				rc = var_assoc_set(sh, v, p->key, p->val, p->append);
			} else if (ps->v[0].key != NULL) {
				/* a word without [key]= after one with it (bash) */
				diag_error(sh, "%s: %s: must use subscript when assigning associative array",
				    name, p->val);
				continue;
			} else {
				/* bash 5.1: m=(k1 v1 k2 v2) */
				const char *val = i + 1 < ps->n && ps->v[i + 1].key == NULL ?
				    ps->v[++i].val : "";
				rc = var_assoc_set(sh, v, p->val, val, false);
			}
		} else {
			long idx = next;
			if (p->key != NULL && index_of(sh, name, p->key, &idx) != 0)
				return -1;
			rc = var_elem_set(sh, v, idx, p->val, p->append);
			if (idx < 0)
				idx += var_count(v);	/* approximate: from the end */
			next = idx + 1;
		}
		if (rc != 0)
			return -1;
	}
	return 0;
}

int
assign_elem(struct shell *sh, const char *name, const char *sub, const char *val, bool append)
{
	const struct var *ref = var_lookup_raw(sh, name);
	struct var *v;
	long idx;

	if (ref != NULL && (ref->flags & VAR_NAMEREF) && ref->value != NULL &&
	    strchr(ref->value, '[') != NULL) {
		/* bash: ref[i]= through a nameref to an element */
		diag_error(sh, "`%s': not a valid identifier", ref->value);
		return -1;
	}
	if ((v = var_declare(sh, name)) == NULL)
		return -1;
	if (v->flags & VAR_ASSOC) {
		if (*sub == '\0') {
			diag_error(sh, "%s[]: bad array subscript", name);
			return -1;
		}
		return var_assoc_set(sh, v, sub, val, append);
	}
	if (index_of(sh, name, sub, &idx) != 0)
		return -1;
	return var_elem_set(sh, v, idx, val, append);
}

/* name+=val for a scalar (or element 0 of an array). */
static int
append_scalar(struct shell *sh, const char *name, const char *val)
{
	struct var *v = var_lookup(sh, name);

	if (v != NULL && (v->arr != NULL || v->flags & (VAR_ARRAY | VAR_ASSOC))) {
		if (v->flags & VAR_ASSOC)
			return var_assoc_set(sh, v, "0", val, true);
		return var_elem_set(sh, v, 0, val, true);
	}
	const char *old = v != NULL ? v->value : NULL;
	if (v != NULL && v->flags & VAR_INTEGER) {
		char *c = var_convert(sh, v, val, old, true);
		if (c == NULL)
			return -1;
		v->flags &= ~VAR_INTEGER;
		int rc = var_set(sh, name, c, 0);
		v->flags |= VAR_INTEGER;
		free(c);
		return rc;
	}
	size_t ol = old ? strlen(old) : 0, vl = strlen(val);
	char *c = arena_alloc(&sh->eval, ol + vl + 1);
	if (ol > 0)
		memcpy(c, old, ol);
	memcpy(c + ol, val, vl + 1);
	return var_set(sh, name, c, 0);
}

int
assign_lvalue(struct shell *sh, const char *lhs, const char *val)
{
	size_t n = subscript_ref_len(lhs);

	if (n == 0)
		return var_set(sh, lhs, val, 0);
	char *name = arena_strndup(&sh->eval, lhs, n);
	char *sub = subscript_expand(sh, arena_strndup(&sh->eval, lhs + n + 1,
	    strlen(lhs) - n - 2));
	return sub != NULL ? assign_elem(sh, name, sub, val, false) : -1;
}

bool
assign_lvalue_ok(const char *s)
{
	return var_is_name(s) || subscript_ref_len(s) > 0;
}

bool
assign_is_plain(const struct assign *a)
{
	return a->subscript == NULL && !a->append &&
	    !(a->value->parts != NULL && a->value->parts->kind == WP_ARRAY);
}

int
assign_run(struct shell *sh, struct assign *a)
{
	struct wpart *p = a->value->parts;

	if (p != NULL && p->kind == WP_ARRAY) {
		struct pairs ps = { 0 };
		if (a->subscript != NULL) {
			diag_error(sh, "%s: cannot assign a list to an array member", a->name);
			return -1;
		}
		if (expand_elems(sh, p->u.array.elems, &ps) != 0)
			return -2;
		return store_pairs(sh, a->name, &ps, a->append, 0);
	}
	char *val = expand_assign_value(sh, a->value);
	if (val == NULL)
		return -2;
	if (a->subscript != NULL) {
		char *sub = expand_word_str(sh, a->subscript);
		if (sub == NULL)
			return -2;
		return assign_elem(sh, a->name, sub, val, a->append);
	}
	if (a->append)
		return append_scalar(sh, a->name, val);
	return var_set(sh, a->name, val, 0);
}

/* Whether the parts from p on expand to the same text on their own as
 * after what precedes them, with no side effect: literals without a
 * tilde, plain $name or "$name" that is not $@ or $*. */
static bool
append_rest_plain(const struct wpart *p)
{
	for (; p != NULL; p = p->next)
		switch (p->kind) {
		case WP_LIT:
			if (!p->u.lit.quoted && memchr(p->u.lit.text, '~', p->u.lit.len))
				return false;
			break;
		case WP_DQ:
			if (!append_rest_plain(p->u.dq))
				return false;
			break;
		case WP_PARAM:
			if (!wpart_plain_param(p) ||
			    p->u.param.name[0] == '@' || p->u.param.name[0] == '*')
				return false;
			break;
		case WP_CMDSUB: case WP_ARITH: case WP_ARRAY:
			return false;
		}
	return true;
}

/* assign.h */
int
assign_append_in_place(struct shell *sh, struct assign *a)
{
	struct wpart *p = a->value->parts, *first, dq;
	struct word rest = { 0 };
	struct var *v;

	if (p == NULL || !assign_is_plain(a))
		return 0;
	first = p->kind == WP_DQ ? p->u.dq : p;
	if (first == NULL || !wpart_plain_param(first) || strcmp(first->u.param.name, a->name) != 0 ||
	    !append_rest_plain(first->next) || !append_rest_plain(p->next))
		return 0;
	if ((v = var_appendable(sh, a->name)) == NULL)
		return 0;
	rest.parts = p->next;
	if (p->kind == WP_DQ && first->next != NULL) {
		dq = *p;
		dq.u.dq = first->next;
		rest.parts = &dq;
	}
	if (rest.parts != NULL) {
		char *s = expand_assign_value(sh, &rest);
		if (s == NULL)
			return -1;
		var_append(sh, v, s);
	}
	return 1;
}

/* ---- the text form, for declaration builtins ---- */

static void
quote(struct strbuf *b, const char *s)
{
	sb_add_squoted(b, s, strlen(s));
}

char *
assign_serialize(struct shell *sh, struct word *elems)
{
	struct pairs ps = { 0 };
	struct strbuf b = STRBUF_INIT;

	if (expand_elems(sh, elems, &ps) != 0)
		return NULL;
	sb_addc(&b, '(');
	for (size_t i = 0; i < ps.n; i++) {
		if (i > 0)
			sb_addc(&b, ' ');
		if (ps.v[i].key != NULL) {
			sb_addc(&b, '[');
			quote(&b, ps.v[i].key);
			sb_adds(&b, "]=");
		}
		quote(&b, ps.v[i].val);
	}
	sb_addc(&b, ')');
	char *r = arena_strndup(&sh->eval, b.s, b.len);
	sb_free(&b);
	return r;
}

char *
assign_list_text(struct shell *sh, struct word *elems)
{
	struct strbuf b = STRBUF_INIT;

	sb_addc(&b, '(');
	for (struct word *e = elems; e != NULL; e = e->next) {
		struct word one = *e;
		char **f;
		one.next = NULL;
		int n = expand_words_elems(sh, &one, &f);
		if (n < 0) {
			sb_free(&b);
			return NULL;
		}
		for (int i = 0; i < n; i++) {
			if (b.len > 1)
				sb_addc(&b, ' ');
			sb_adds(&b, f[i]);
		}
	}
	sb_addc(&b, ')');
	char *r = arena_strndup(&sh->eval, b.s, b.len);
	sb_free(&b);
	return r;
}

/* Reads one word of the text form at *s: '...' "..." \c and plain
 * characters up to a blank, ']' (in a key) or ')'. */
static char *
read_word(struct shell *sh, const char **sp, bool key)
{
	struct strbuf b = STRBUF_INIT;
	const char *s = *sp;

	while (*s && *s != ' ' && *s != '\t' && *s != '\n' && !(key && *s == ']') &&
	    !(*s == ')' && s[1] == '\0')) {
		if (*s == '\'') {
			for (s++; *s && *s != '\''; s++)
				sb_addc(&b, *s);
			if (*s)
				s++;
		} else if (*s == '"') {
			for (s++; *s && *s != '"'; s++) {
				if (*s == '\\' && s[1] && strchr("\"\\$`", s[1]))
					s++;
				sb_addc(&b, *s);
			}
			if (*s)
				s++;
		} else if (*s == '\\' && s[1]) {
			sb_addc(&b, s[1]);
			s += 2;
		} else {
			sb_addc(&b, *s++);
		}
	}
	*sp = s;
	char *r = arena_strndup(&sh->eval, b.s ? b.s : "", b.len);
	sb_free(&b);
	return r;
}

int
assign_text(struct shell *sh, const char *arg, unsigned attrs)
{
	size_t n = var_name_len(arg);
	const char *s = arg + n;
	char *name = arena_strndup(&sh->eval, arg, n);
	char *sub = NULL;
	bool append = false;

	if (n == 0)
		goto bad;
	if (*s == '[') {
		const char *e = s + 1;
		int depth = 0;
		for (; *e; e++) {
			if (*e == '[')
				depth++;
			else if (*e == ']' && depth-- == 0)
				break;
		}
		if (*e != ']')
			goto bad;
		sub = arena_strndup(&sh->eval, s + 1, (size_t)(e - s - 1));
		s = e + 1;
	}
	if (s[0] == '+' && s[1] == '=') {
		append = true;
		s++;
	}
	if (*s != '=')
		goto bad;
	s++;
	if (*s == '(' && sub == NULL && s[strlen(s) - 1] == ')') {
		struct pairs ps = { 0 };
		s++;
		for (;;) {
			while (*s == ' ' || *s == '\t' || *s == '\n')
				s++;
			if (*s == ')' || *s == '\0')
				break;
			char *key = NULL;
			if (*s == '[') {
				s++;
				key = read_word(sh, &s, true);
				if (s[0] != ']' || s[1] != '=') {
					diag_error(sh, "%s: bad array subscript", name);
					return -1;
				}
				s += 2;
			}
			add_pair(sh, &ps, key, read_word(sh, &s, false));
		}
		return store_pairs(sh, name, &ps, append, attrs);
	}
	if (attrs & (VAR_ARRAY | VAR_ASSOC)) {
		struct var *v = var_declare(sh, name);
		if (v == NULL || var_make_array(sh, v, attrs & VAR_ASSOC) != 0)
			return -1;
	}
	if (sub != NULL)
		return assign_elem(sh, name, sub, s, append);
	if (append)
		return append_scalar(sh, name, s);
	return var_set(sh, name, s, 0);
bad:
	diag_error(sh, "`%s': not a valid identifier", arg);
	return -1;
}

int
assign_unset(struct shell *sh, const char *arg)
{
	size_t n = var_name_len(arg);
	const char *s = arg + n;

	if (n == 0 || *s != '[' || s[strlen(s) - 1] != ']') {
		diag_error(sh, "unset: `%s': not a valid identifier", arg);
		return -1;
	}
	char *name = arena_strndup(&sh->eval, arg, n);
	char *sub = arena_strndup(&sh->eval, s + 1, strlen(s) - 2);
	struct var *v = var_lookup(sh, name);
	if (v == NULL)
		return 0;
	if (strcmp(sub, "@") == 0 || strcmp(sub, "*") == 0)
		return var_unset(sh, name);
	/* unset 'm["k"]', unset 'm[$k]': expanded as data (bash) */
	if ((sub = subscript_expand(sh, sub)) == NULL)
		return -1;
	if (v->flags & VAR_ASSOC)
		return var_assoc_unset(sh, v, sub);
	long idx;
	if (index_of(sh, name, sub, &idx) != 0)
		return -1;
	return var_elem_unset(sh, v, idx);
}
