/* var.c: shell variables (XCU 2.5.3), their attributes (export,
 * read-only and bash's -a -A -i -l -u -n), arrays, namerefs, `local`
 * scopes, and the environment passed to commands.
 *
 * A chained hash table keyed by name. `local x` pushes a new struct var for
 * x whose `shadow` points at the outer one and records it on the scope stack
 * (sh->locals); var_pop_scope() pops the entries of the returning call and
 * puts each shadowed variable back, so a return costs O(its locals) however
 * many variables exist. Array values live in array.c's containers. The
 * exported environment is cached as one envp array and rebuilt only after an
 * exported variable changed; arrays are not exported (as in bash). */
#include <ctype.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/xalloc.h"
#include "array.h"
#include "shell.h"

/* Special variables: hooks registered by the modules that own them
 * (var_hook_add), so this file calls nothing above itself. `first` has a
 * bit per first byte of a hooked name: most assignments and reads test one
 * bit and go on. */
#define MAX_HOOKS 64
static const struct var_hook *hooks[MAX_HOOKS];
static size_t nhooks;
static uint64_t first[4];		/* names with any hook */
static uint64_t first_read[4];		/* names with a read hook */
static uint64_t first_dyn[4];		/* names with a refresh hook */
/* The shell whose hooks were registered: the slow path of lookups uses
 * it, so that the hot loop keeps nothing else live. */
static struct shell *hooked_shell;

static bool
bit(const uint64_t *set, const char *name)
{
	unsigned char c = (unsigned char)name[0];
	return (set[c >> 6] >> (c & 63)) & 1;
}

void
var_hook_add(struct shell *sh, const struct var_hook *h)
{
	unsigned char c = (unsigned char)h->name[0];

	hooked_shell = sh;
	if (nhooks == MAX_HOOKS)
		abort();
	hooks[nhooks++] = h;
	first[c >> 6] |= (uint64_t)1 << (c & 63);
	if (h->read != NULL)
		first_read[c >> 6] |= (uint64_t)1 << (c & 63);
	if (h->refresh != NULL)
		first_dyn[c >> 6] |= (uint64_t)1 << (c & 63);
}

static const struct var_hook *
find_hook(const char *name)
{
	for (size_t i = 0; i < nhooks; i++)
		if (hooks[i]->name[0] == name[0] && strcmp(hooks[i]->name, name) == 0)
			return hooks[i];
	return NULL;
}

enum { NBUCKETS = 1024 };

static size_t
hash(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h & (NBUCKETS - 1);
}

bool
var_is_name(const char *s)
{
	return *s != '\0' && var_name_len(s) == strlen(s);
}

size_t
var_name_len(const char *s)
{
	size_t n = 0;

	if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

static struct var *create(struct shell *sh, const char *name);

/* A VAR_DYNAMIC array brought up to date by its owner (not re-entered:
 * the refresh itself looks the variable up), or, with v NULL, created
 * when first looked up, so that `set` lists it only in scripts that use
 * it (NULL if `name` is not one). Out of line: lookups are hot, this is
 * rare. */
static __attribute__((noinline, cold)) struct var *
lookup_dynamic(struct var *v, const char *name)
{
	static bool busy;
	struct shell *sh = hooked_shell;
	const struct var_hook *h = find_hook(name);

	if (h == NULL || h->refresh == NULL)
		return v;
	if (v == NULL) {
		v = create(sh, name);
		v->flags = VAR_DYNAMIC | VAR_ARRAY;
	}
	if (!busy) {
		busy = true;
		h->refresh(sh, v);
		busy = false;
	}
	return v;
}

/* "x: readonly variable" (bash), "x: is read only" in posix mode (dash) */
void
var_readonly_error(struct shell *sh, const char *name)
{
	diag_error(sh, sh->opt.posix ? "%s: is read only" : "%s: readonly variable", name);
}

struct var *
var_lookup_raw(struct shell *sh, const char *name)
{
	struct var *v;

	for (v = sh->vars[hash(name)]; v != NULL; v = v->next)
		if (strcmp(v->name, name) == 0) {
			if (__builtin_expect(v->flags & VAR_DYNAMIC, 0))
				return lookup_dynamic(v, name);
			return v;
		}
	if (__builtin_expect(bit(first_dyn, name), 0))
		return lookup_dynamic(NULL, name);
	return NULL;
}

enum { NAMEREF_MAX = 16 };

/* Follows namerefs from `v`: the final variable, or NULL (unset target, a
 * loop, or a target with a subscript: then *sub gets the nameref whose value
 * is "arr[sub]"). */
static struct var *
follow(struct shell *sh, struct var *v, struct var **sub)
{
	int n = 0;

	if (sub != NULL)
		*sub = NULL;
	while (v != NULL && (v->flags & VAR_NAMEREF) && v->value != NULL) {
		if (++n > NAMEREF_MAX) {
			diag_error(sh, "warning: %s: circular name reference", v->name);
			return NULL;
		}
		if (!var_is_name(v->value)) {
			if (sub != NULL)
				*sub = v;
			return NULL;
		}
		v = var_lookup_raw(sh, v->value);
	}
	return v;
}

struct var *
var_lookup(struct shell *sh, const char *name)
{
	struct var *v = var_lookup_raw(sh, name);

	if (v == NULL || !(v->flags & VAR_NAMEREF) || v->value == NULL)
		return v;
	struct var *sub, *t = follow(sh, v, &sub);
	if (t == NULL && sub != NULL) {
		/* "arr[sub]": the array itself */
		size_t n = strcspn(sub->value, "[");
		char *base = strndup(sub->value, n);
		t = var_lookup_raw(sh, base);
		free(base);
	}
	return t;
}

static int arith(struct shell *sh, const char *expr, long *r);

/* Element `sub` (text between the brackets) of the array `v`, for
 * namerefs such as ref=a[3] or ref='a[i]' (arithmetic, evaluated at each
 * reference, as bash does). */
static const char *
elem_by_text(struct shell *sh, struct var *v, const char *sub)
{
	bool bad;

	if (v == NULL)
		return NULL;
	if (v->flags & VAR_ASSOC)
		return var_assoc_get(v, sub);
	long i;
	return arith(sh, sub, &i) == 0 ? var_elem_get(sh, v, i, &bad) : NULL;
}

/* subscript_expand(), registered by main.c (subscript.c is above us) */
static char *(*subscript_fn)(struct shell *, const char *);
void var_set_subscript(char *(*fn)(struct shell *, const char *)) { subscript_fn = fn; }

/* Splits "name[sub]" (a nameref's target): the variable and the subscript
 * text (malloc'd in *sub). */
static struct var *
split_target(struct shell *sh, const char *target, char **sub)
{
	size_t n = strcspn(target, "[");
	char *base = strndup(target, n);
	struct var *v = var_lookup(sh, base);
	const char *s = target + n + (target[n] == '[');
	size_t sl = strlen(s);

	*sub = strndup(s, sl > 0 && s[sl - 1] == ']' ? sl - 1 : sl);
	free(base);
	char *x = subscript_fn ? subscript_fn(sh, *sub) : NULL;	/* 'm["k"]' (bash) */
	if (x != NULL && strcmp(x, *sub) != 0) {
		free(*sub);
		*sub = xa_strdup(x);
	}
	return v;
}

const char *
var_get(struct shell *sh, const char *name)
{
	struct var *v = var_lookup_raw(sh, name);

	/* a hook's value, but not for a local that hides it (VAR_NOHOOK) */
	if (bit(first_read, name) && !(v != NULL && v->flags & VAR_NOHOOK)) {
		static char buf[64];
		const struct var_hook *h = find_hook(name);
		const char *r;

		if (h != NULL && h->read != NULL && (r = h->read(sh, buf, sizeof buf)) != NULL)
			return r;
	}
	if (v == NULL)
		return NULL;
	if (v->flags & VAR_NAMEREF && v->value != NULL) {
		struct var *sub;
		v = follow(sh, v, &sub);
		if (v == NULL && sub != NULL) {
			char *s;
			struct var *a = split_target(sh, sub->value, &s);
			const char *r = elem_by_text(sh, a, s);
			free(s);
			return r;
		}
		if (v == NULL)
			return NULL;
	}
	if (v->arr != NULL) {
		bool bad;
		return v->flags & VAR_ASSOC ? var_assoc_get(v, "0") : var_elem_get(sh, v, 0, &bad);
	}
	return v->value;
}

static struct var *
create(struct shell *sh, const char *name)
{
	size_t h = hash(name);
	struct var *v = calloc(1, sizeof *v);

	if (v == NULL)
		abort();
	v->name = xa_strdup(name);
	v->next = sh->vars[h];
	sh->vars[h] = v;
	return v;
}

void
var_env_changed(struct shell *sh)
{
	free(sh->env_cache);
	sh->env_cache = NULL;
}

/* Side effects of assigning or unsetting a special variable. */
static void
special(struct shell *sh, const char *name)
{
	const struct var_hook *h;

	if (!bit(first, name))
		return;	/* most assignments: no strcmp */
	if ((h = find_hook(name)) != NULL && h->changed != NULL) {
		struct var *v = var_lookup(sh, name);
		if (v != NULL && v->flags & VAR_NOHOOK)
			return;
		h->changed(sh, v != NULL ? v->value : NULL);
	}
}

static bool
is_readonly(struct shell *sh, struct var *v)
{
	if (v->flags & VAR_READONLY) {
		var_readonly_error(sh, v->name);
		return true;
	}
	return false;
}

/* Stores a copy of `value` as v's scalar value. */
/* struct var's `serial`: new for every value a variable takes, so a cache
 * keyed on it (expand.c's character offsets) sees a changed value even at
 * the same address. */
static unsigned long serials;

static void
store(struct var *v, const char *value)
{
	v->serial = ++serials;
	/* Free the old value first unless the new one is part of it
	 * (x=${x#?} may pass a pointer into it): x=$x$x then needs the
	 * new value and its copy, not the old value as well. */
	uintptr_t o = (uintptr_t)v->value, n = (uintptr_t)value;
	size_t olen = v->value != NULL ? strlen(v->value) : 0;
	size_t nlen = strlen(value);

	if (v->value != NULL && nlen <= olen && olen <= 2 * nlen + 32) {
		/* fits: reuse the buffer (memmove: value may be in it) */
		memmove(v->value, value, nlen + 1);
		return;
	}
	if (v->value != NULL && (n < o || n > o + olen)) {
		free(v->value);
		v->value = NULL;
	}
	char *copy = malloc(nlen + 1);
	if (copy == NULL)
		abort();
	memcpy(copy, value, nlen + 1);
	free(v->value);
	v->value = copy;
}

struct var *
var_appendable(struct shell *sh, const char *name)
{
	struct var *v;

	if (bit(first, name) || sh->opt.allexport)
		return NULL;
	v = var_lookup_raw(sh, name);
	if (v == NULL || v->value == NULL || v->arr != NULL || (v->flags &
	    (VAR_READONLY | VAR_INTEGER | VAR_LOWER | VAR_UPPER | VAR_ARRAY |
	    VAR_ASSOC | VAR_NAMEREF | VAR_DYNAMIC)))
		return NULL;
	return v;
}

void
var_append(struct shell *sh, struct var *v, const char *suffix)
{
	size_t olen = strlen(v->value), slen = strlen(suffix);
	char *copy = NULL;

	if (olen + slen + 1 > malloc_usable_size(v->value)) {
		size_t cap = olen + slen + 1;
		char *n;

		if (suffix >= v->value && suffix <= v->value + olen)
			suffix = copy = xa_strdup(suffix);	/* x="$x$x" */
		cap += cap / 2 + 16;
		if ((n = realloc(v->value, cap)) == NULL)
			abort();
		v->value = n;
	}
	memmove(v->value + olen, suffix, slen + 1);
	free(copy);
	v->serial = ++serials;
	if (v->flags & VAR_EXPORT)
		var_env_changed(sh);
}

/* The evaluator for -i variables, registered by main.c (arith.c sits above
 * this file). */
static int (*arith_fn)(struct shell *, const char *, long *);

void
var_set_arith(int (*fn)(struct shell *, const char *, long *))
{
	arith_fn = fn;
}

static int
arith(struct shell *sh, const char *expr, long *r)
{
	if (arith_fn == NULL) {
		*r = strtol(expr, NULL, 10);
		return 0;
	}
	return arith_fn(sh, expr, r);
}

char *
var_convert(struct shell *sh, struct var *v, const char *val, const char *old, bool append)
{
	char *r;

	if (v->flags & VAR_INTEGER) {
		long n, o = 0;
		if (arith(sh, val, &n) != 0)
			return NULL;
		if (append && old != NULL && arith(sh, old, &o) != 0)
			return NULL;
		r = malloc(24);
		if (r == NULL)
			abort();
		snprintf(r, 24, "%ld", (long)((unsigned long)n + (unsigned long)o));
		return r;
	}
	size_t ol = append && old != NULL ? strlen(old) : 0, vl = strlen(val);
	r = malloc(ol + vl + 1);
	if (r == NULL)
		abort();
	if (ol > 0)
		memcpy(r, old, ol);
	memcpy(r + ol, val, vl + 1);
	if (v->flags & (VAR_LOWER | VAR_UPPER))
		for (char *p = r; *p; p++)
			*p = (char)(v->flags & VAR_UPPER ? toupper((unsigned char)*p)
			    : tolower((unsigned char)*p));
	return r;
}

/* The nameref `ref` names "arr[sub]": assigns that element. */
static int
set_target_elem(struct shell *sh, struct var *ref, const char *value)
{
	char *sub;
	struct var *a = split_target(sh, ref->value, &sub);
	long i;
	int rc;

	if (a == NULL) {
		size_t n = strcspn(ref->value, "[");
		char *base = strndup(ref->value, n);
		a = var_declare(sh, base);
		free(base);
	}
	if (a == NULL)
		rc = -1;
	else if (a->flags & VAR_ASSOC)
		rc = var_assoc_set(sh, a, sub, value, false);
	else
		rc = arith(sh, sub, &i) == 0 ? var_elem_set(sh, a, i, value, false) : -1;
	free(sub);
	return rc;
}

int
var_set_ref(struct shell *sh, struct var *ref, const char *target)
{
	if (strcmp(target, ref->name) == 0) {
		diag_error(sh, "%s: nameref variable self references not allowed", ref->name);
		return -1;
	}
	if (is_readonly(sh, ref))
		return -1;
	store(ref, target);
	return 0;
}

char *
var_take_value(struct var *v)
{
	char *r = v->value;

	v->value = NULL;
	v->serial = ++serials;
	return r;
}

void
var_put_value(struct shell *sh, struct var *v, char *value)
{
	free(v->value);
	v->value = value;
	v->serial = ++serials;
	if (v->flags & VAR_EXPORT)
		var_env_changed(sh);
	special(sh, v->name);
}

int
var_set(struct shell *sh, const char *name, const char *value, unsigned flags)
{
	struct var *v = var_lookup_raw(sh, name);

	if (v != NULL && (v->flags & VAR_NAMEREF)) {
		if (v->value == NULL) {
			/* declare -n r; r=x: r now names x (bash) */
			if (value == NULL)
				return 0;
			if (strcmp(value, name) == 0) {
				diag_error(sh, "%s: nameref variable self references not allowed", name);
				return -1;
			}
			store(v, value);
			return 0;
		}
		struct var *sub;
		struct var *t = follow(sh, v, &sub);
		if (t == NULL && sub != NULL)
			return value != NULL ? set_target_elem(sh, sub, value) : 0;
		if (t == NULL) {
			/* follow() stopped: a loop (reported) or an unset target */
			struct var *last = v;
			int k = 0;
			while (last->flags & VAR_NAMEREF && last->value != NULL && k++ < NAMEREF_MAX) {
				struct var *nx = var_lookup_raw(sh, last->value);
				if (nx == NULL)
					return var_set(sh, last->value, value, flags);
				last = nx;
			}
			return -1;	/* a loop: bash warns, an assignment error */
		}
		v = t;
		name = v->name;
	}
	if (v != NULL && (v->flags & VAR_READONLY) && (value != NULL || flags == 0)) {
		var_readonly_error(sh, name);
		return -1;
	}
	if (v == NULL)
		v = create(sh, name);
	if ((v->arr != NULL || v->flags & (VAR_ARRAY | VAR_ASSOC)) && value != NULL) {
		/* a=x on an array (declare -A m: one without elements yet)
		 * sets element 0 */
		v->flags |= flags & ~VAR_EXPORT;
		return v->flags & VAR_ASSOC ? var_assoc_set(sh, v, "0", value, false)
		    : var_elem_set(sh, v, 0, value, false);
	}
	if (value != NULL) {
		if (v->flags & (VAR_INTEGER | VAR_LOWER | VAR_UPPER)) {
			char *c = var_convert(sh, v, value, NULL, false);
			if (c == NULL)
				return -1;
			free(v->value);
			v->value = c;
			v->serial = ++serials;
		} else {
			store(v, value);
		}
	}
	if (sh->opt.allexport && value != NULL)
		flags |= VAR_EXPORT;
	v->flags |= flags;
	if (v->flags & VAR_EXPORT || flags & VAR_EXPORT)
		var_env_changed(sh);
	special(sh, name);
	return 0;
}

/* A local taken out of the table before its function returns: the
 * locals stack keeps it, marked, until var_pop_scope frees it. */
enum { VAR_UNLINKED = 1u << 30 };

static void
unlink_local(struct shell *sh, struct var *v)
{
	struct var **pp;

	for (pp = &sh->vars[hash(v->name)]; *pp != v; pp = &(*pp)->next)
		;
	if (v->shadow != NULL) {
		v->shadow->next = v->next;
		*pp = v->shadow;
	} else {
		*pp = v->next;
	}
	v->shadow = NULL;
	v->next = NULL;
	v->flags = VAR_UNLINKED;
}

static int unset_var(struct shell *sh, struct var *v);

int
var_unset(struct shell *sh, const char *name)
{
	struct var *v = var_lookup(sh, name);

	if (v == NULL)
		special(sh, name);	/* RANDOM, SECONDS: never stored */
	return unset_var(sh, v);
}

int
var_unset_raw(struct shell *sh, const char *name)
{
	struct var *v = var_lookup_raw(sh, name);

	if (v == NULL)
		special(sh, name);
	return unset_var(sh, v);
}

static int
unset_var(struct shell *sh, struct var *v)
{
	if (v == NULL)
		return 0;
	if (v->flags & VAR_READONLY) {
		var_readonly_error(sh, v->name);
		return -1;
	}
	if (v->flags & VAR_EXPORT)
		var_env_changed(sh);
	free(v->value);
	v->value = NULL;
	arr_free(v->arr);
	v->arr = NULL;
	if (v->scope > 0 && v->scope < sh->scope) {
		/* A caller's local: gone, the variable it shadowed visible
		 * again (bash; bash-completion's _upvars depends on it). */
		unlink_local(sh, v);
		special(sh, v->name);
		return 0;
	}
	if (v->scope == 0) {
		/* a global is gone: `declare -p x` no longer finds it */
		struct var **pp;
		char *name = v->name;
		for (pp = &sh->vars[hash(name)]; *pp != v; pp = &(*pp)->next)
			;
		*pp = v->next;
		free(v);
		special(sh, name);
		free(name);
		return 0;
	}
	/* A local of the running function stays declared (and shadowing)
	 * until the function returns. */
	v->flags &= ~(VAR_EXPORT | VAR_ARRAY | VAR_ASSOC | VAR_NAMEREF);
	special(sh, v->name);
	return 0;
}

int
var_make_local(struct shell *sh, const char *name)
{
	size_t h = hash(name);
	struct var *outer = var_lookup_raw(sh, name);
	struct var *v, **pp;

	if (outer != NULL && outer->scope == sh->scope)
		return 0;	/* already local here */
	if (outer != NULL && (outer->flags & VAR_READONLY)) {
		var_readonly_error(sh, name);
		return -1;
	}
	v = calloc(1, sizeof *v);
	if (v == NULL)
		abort();
	v->name = xa_strdup(name);
	v->scope = sh->scope;
	if (outer != NULL) {
		/* A local starts unset, as in bash (but with the value of a
		 * v=x prefix of the call); in posix mode with the outer
		 * scalar value and export flag, as in dash. */
		if ((sh->opt.posix || outer->flags & VAR_TEMPENV) && outer->value != NULL &&
		    !(outer->flags & VAR_NAMEREF)) {
			v->value = xa_strdup(outer->value);
			v->flags = outer->flags & VAR_EXPORT;
		} else if (sh->shopt.localvar_inherit && !(outer->flags & VAR_DYNAMIC)) {
			/* bash: the value and attributes, but a nameref's
			 * is only its target's name */
			v->flags = outer->flags & ~(VAR_NAMEREF | VAR_TEMPENV);
			if (outer->arr != NULL)
				v->arr = arr_copy(outer->arr);
			else if (outer->value != NULL)
				v->value = xa_strdup(outer->value);
		}
		v->serial = ++serials;
		for (pp = &sh->vars[h]; *pp != outer; pp = &(*pp)->next)
			;
		*pp = outer->next;
		v->shadow = outer;
	}
	if (bit(first, name))
		v->flags |= VAR_NOHOOK;
	v->next = sh->vars[h];
	sh->vars[h] = v;
	if (sh->nlocals == sh->locals_cap) {
		sh->locals_cap = sh->locals_cap ? 2 * sh->locals_cap : 16;
		sh->locals = realloc(sh->locals, sh->locals_cap * sizeof *sh->locals);
		if (sh->locals == NULL)
			abort();
	}
	sh->locals[sh->nlocals++] = v;
	return 0;
}

void
var_pop_scope(struct shell *sh, int scope)
{
	while (sh->nlocals > 0 && sh->locals[sh->nlocals - 1]->scope >= scope) {
		struct var *v = sh->locals[--sh->nlocals], **pp;

		if (v->flags & VAR_UNLINKED) {
			free(v->name);
			free(v);
			continue;
		}
		for (pp = &sh->vars[hash(v->name)]; *pp != v; pp = &(*pp)->next)
			;
		if (v->flags & VAR_EXPORT || (v->shadow && v->shadow->flags & VAR_EXPORT))
			var_env_changed(sh);
		if (v->shadow != NULL) {
			v->shadow->next = v->next;
			*pp = v->shadow;
		} else {
			*pp = v->next;
		}
		if (!(v->flags & VAR_NOHOOK))
			special(sh, v->name);
		free(v->name);
		free(v->value);
		arr_free(v->arr);
		free(v);
	}
}

/* ---- arrays ---- */

static struct var *
declare(struct shell *sh, const char *name, bool raw)
{
	struct var *v = raw ? var_lookup_raw(sh, name) : var_lookup(sh, name);

	if (v == NULL && !raw) {
		/* an unset nameref target: create the target */
		struct var *r = var_lookup_raw(sh, name);
		int k = 0;
		while (r != NULL && r->flags & VAR_NAMEREF && r->value != NULL &&
		    var_is_name(r->value) && k++ < NAMEREF_MAX) {
			name = r->value;
			r = var_lookup_raw(sh, name);
		}
		if (r != NULL)
			return r->flags & VAR_NAMEREF ? NULL : r;
	}
	return v != NULL ? v : create(sh, name);
}

struct var *
var_declare(struct shell *sh, const char *name)
{
	return declare(sh, name, false);
}

struct var *
var_declare_raw(struct shell *sh, const char *name)
{
	return declare(sh, name, true);
}

int
var_make_array(struct shell *sh, struct var *v, bool assoc)
{
	if (v->arr != NULL || (v->flags & (assoc ? VAR_ARRAY : VAR_ASSOC))) {
		if (v->arr != NULL && assoc == arr_is_assoc(v->arr))
			return 0;
		diag_error(sh, "%s: cannot convert %s to %s array", v->name,
		    assoc ? "indexed" : "associative", assoc ? "associative" : "indexed");
		return -1;
	}
	if ((v->flags & VAR_NAMEREF) && v->value != NULL) {
		diag_error(sh, "%s: reference variable cannot be an array", v->name);
		return -1;
	}
	if (v->flags & VAR_NAMEREF) {
		/* bash: a nameref that names nothing yet becomes the array */
		diag_error(sh, "warning: %s: removing nameref attribute", v->name);
		v->flags &= ~VAR_NAMEREF;
	}
	v->arr = arr_new(assoc);
	v->flags |= assoc ? VAR_ASSOC : VAR_ARRAY;
	if (v->value != NULL) {
		if (assoc)
			arr_aset(v->arr, "0", v->value);
		else
			arr_set(v->arr, 0, v->value);
		v->value = NULL;
	}
	if (v->flags & VAR_EXPORT)
		var_env_changed(sh);
	return 0;
}

int
var_array_clear(struct shell *sh, struct var *v)
{
	if (is_readonly(sh, v))
		return -1;
	if (v->arr == NULL) {
		free(v->value);
		v->value = NULL;
		return var_make_array(sh, v, v->flags & VAR_ASSOC);
	}
	arr_clear(v->arr);
	return 0;
}

/* Index `idx` made absolute (negative counts from the end); false if it
 * is before the start. */
static bool
absolute(struct var *v, long *idx)
{
	if (*idx >= 0)
		return true;
	long max = v->arr != NULL ? arr_max(v->arr) : (v->value != NULL ? 0 : -1);
	*idx += max + 1;
	return *idx >= 0;
}

const char *
var_elem_get(struct shell *sh, struct var *v, long idx, bool *bad)
{
	(void)sh;
	*bad = false;
	if (!absolute(v, &idx)) {
		*bad = true;
		return NULL;
	}
	if (v->arr == NULL)
		return idx == 0 ? v->value : NULL;
	if (arr_is_assoc(v->arr)) {
		char k[24];
		snprintf(k, sizeof k, "%ld", idx);
		return arr_aget(v->arr, k);
	}
	return arr_get(v->arr, idx);
}

const char *
var_assoc_get(struct var *v, const char *key)
{
	if (v->arr == NULL)
		return strcmp(key, "0") == 0 ? v->value : NULL;
	return arr_aget(v->arr, key);
}

int
var_elem_set(struct shell *sh, struct var *v, long idx, const char *val, bool append)
{
	if (is_readonly(sh, v))
		return -1;
	if (v->arr == NULL && var_make_array(sh, v, v->flags & VAR_ASSOC) != 0)
		return -1;
	if (arr_is_assoc(v->arr)) {
		char k[24];
		snprintf(k, sizeof k, "%ld", idx);
		return var_assoc_set(sh, v, k, val, append);
	}
	if (!absolute(v, &idx)) {
		diag_error(sh, "%s[%ld]: bad array subscript", v->name, idx - arr_max(v->arr) - 1);
		return -1;
	}
	char *c = var_convert(sh, v, val, append ? arr_get(v->arr, idx) : NULL, append);
	if (c == NULL)
		return -1;
	arr_set(v->arr, idx, c);
	return 0;
}

int
var_elem_append(struct shell *sh, struct var *v, const char *val)
{
	if (v->arr == NULL && var_make_array(sh, v, false) != 0)
		return -1;
	return var_elem_set(sh, v, arr_max(v->arr) + 1, val, false);
}

int
var_assoc_set(struct shell *sh, struct var *v, const char *key, const char *val, bool append)
{
	if (is_readonly(sh, v))
		return -1;
	if (v->arr == NULL && var_make_array(sh, v, true) != 0)
		return -1;
	char *c = var_convert(sh, v, val, append ? arr_aget(v->arr, key) : NULL, append);
	if (c == NULL)
		return -1;
	arr_aset(v->arr, key, c);
	return 0;
}

int
var_elem_unset(struct shell *sh, struct var *v, long idx)
{
	if (is_readonly(sh, v))
		return -1;
	long given = idx;
	if (!absolute(v, &idx)) {
		diag_error(sh, "unset: [%ld]: bad array subscript", given);
		return -1;
	}
	if (v->arr == NULL) {
		if (idx == 0)
			return var_unset(sh, v->name);
		return 0;
	}
	if (arr_is_assoc(v->arr)) {
		char k[24];
		snprintf(k, sizeof k, "%ld", idx);
		arr_aunset(v->arr, k);
	} else {
		arr_unset(v->arr, idx);
	}
	return 0;
}

int
var_assoc_unset(struct shell *sh, struct var *v, const char *key)
{
	if (is_readonly(sh, v))
		return -1;
	if (v->arr == NULL)
		return strcmp(key, "0") == 0 ? var_unset(sh, v->name) : 0;
	arr_aunset(v->arr, key);
	return 0;
}

void
var_init(struct shell *sh, char **env)
{
	sh->vars = calloc(NBUCKETS, sizeof *sh->vars);
	sh->nvars_buckets = NBUCKETS;
	if (sh->vars == NULL)
		abort();
	/* Imported directly (one allocation for name and value): start-up
	 * cost matters, and nothing special happens for these names yet. */
	for (; env != NULL && *env != NULL; env++) {
		const char *eq = strchr(*env, '=');
		size_t nlen = eq != NULL ? (size_t)(eq - *env) : 0;
		if (nlen == 0 || var_name_len(*env) != nlen)
			continue;
		size_t vlen = strlen(eq + 1);
		char *name = malloc(nlen + 1);
		if (name == NULL)
			abort();
		memcpy(name, *env, nlen);
		name[nlen] = '\0';
		struct var *v = var_lookup(sh, name);
		if (v == NULL) {
			size_t h = hash(name);
			v = calloc(1, sizeof *v);
			if (v == NULL)
				abort();
			v->name = name;
			v->next = sh->vars[h];
			sh->vars[h] = v;
		} else {
			free(name);
			free(v->value);
		}
		v->value = malloc(vlen + 1);
		v->serial = ++serials;
		if (v->value == NULL)
			abort();
		memcpy(v->value, eq + 1, vlen + 1);
		v->flags |= VAR_EXPORT;
	}
	/* XCU 2.5.3: IFS is set to <space><tab><newline> at start-up,
	 * whatever the environment says. */
	var_set(sh, "IFS", " \t\n", 0);
	if (var_get(sh, "PS1") == NULL)
		var_set(sh, "PS1", geteuid() == 0 ? "# " : "$ ", 0);
	if (var_get(sh, "PS2") == NULL)
		var_set(sh, "PS2", "> ", 0);
	if (var_get(sh, "PS4") == NULL)
		var_set(sh, "PS4", "+ ", 0);
	if (var_get(sh, "OPTIND") == NULL)
		var_set(sh, "OPTIND", "1", 0);
}
