/* var.c: shell variables (XCU 2.5.3), their export and read-only flags,
 * `local` scopes, and the environment passed to commands.
 *
 * A chained hash table keyed by name. `local x` pushes a new struct var for
 * x whose `shadow` points at the outer one; var_pop_scope() restores it when
 * the function returns. The exported environment is cached as one envp
 * array and rebuilt only after an exported variable changed. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

	(void)sh;
	if (nhooks == MAX_HOOKS)
		abort();
	hooks[nhooks++] = h;
	first[c >> 6] |= (uint64_t)1 << (c & 63);
	if (h->read != NULL)
		first_read[c >> 6] |= (uint64_t)1 << (c & 63);
}

static const struct var_hook *
find_hook(const char *name)
{
	for (size_t i = 0; i < nhooks; i++)
		if (strcmp(hooks[i]->name, name) == 0)
			return hooks[i];
	return NULL;
}

enum { NBUCKETS = 1024 };

/* Variables made by `local` that still exist: a function return scans
 * the table only when there are some (most functions have none). */
static size_t nlocals;

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

struct var *
var_lookup(struct shell *sh, const char *name)
{
	struct var *v;

	for (v = sh->vars[hash(name)]; v != NULL; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

const char *
var_get(struct shell *sh, const char *name)
{
	struct var *v;

	if (bit(first_read, name)) {
		static char buf[64];
		const struct var_hook *h = find_hook(name);
		const char *r;

		if (h != NULL && h->read != NULL && (r = h->read(sh, buf, sizeof buf)) != NULL)
			return r;
	}
	v = var_lookup(sh, name);

	return v != NULL ? v->value : NULL;
}

static struct var *
create(struct shell *sh, const char *name)
{
	size_t h = hash(name);
	struct var *v = calloc(1, sizeof *v);

	if (v == NULL)
		abort();
	v->name = strdup(name);
	v->next = sh->vars[h];
	sh->vars[h] = v;
	return v;
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
		h->changed(sh, v != NULL ? v->value : NULL);
	}
}

int
var_set(struct shell *sh, const char *name, const char *value, unsigned flags)
{
	struct var *v = var_lookup(sh, name);

	if (v != NULL && (v->flags & VAR_READONLY) && (value != NULL || flags == 0)) {
		diag_error(sh, "%s: is read only", name);
		return -1;
	}
	if (v == NULL)
		v = create(sh, name);
	if (value != NULL) {
		/* Free the old value first unless the new one is part of it
		 * (x=${x#?} may pass a pointer into it): x=$x$x then needs the
		 * new value and its copy, not the old value as well. */
		uintptr_t o = (uintptr_t)v->value, n = (uintptr_t)value;
		size_t olen = v->value != NULL ? strlen(v->value) : 0;
		size_t nlen = strlen(value);

		if (v->value != NULL && nlen <= olen && olen <= 2 * nlen + 32) {
			/* fits: reuse the buffer (memmove: value may be in it) */
			memmove(v->value, value, nlen + 1);
		} else {
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
	}
	if (sh->opt.allexport && value != NULL)
		flags |= VAR_EXPORT;
	v->flags |= flags;
	if (v->flags & VAR_EXPORT || flags & VAR_EXPORT) {
		free(sh->env_cache);
		sh->env_cache = NULL;
	}
	special(sh, name);
	return 0;
}

int
var_unset(struct shell *sh, const char *name)
{
	struct var *v = var_lookup(sh, name);

	if (v == NULL)
		return 0;
	if (v->flags & VAR_READONLY) {
		diag_error(sh, "%s: is read only", name);
		return -1;
	}
	if (v->flags & VAR_EXPORT) {
		free(sh->env_cache);
		sh->env_cache = NULL;
	}
	free(v->value);
	v->value = NULL;
	/* A local stays declared (and shadowing) until its function returns. */
	if (v->scope == 0)
		v->flags = 0;
	else
		v->flags &= ~VAR_EXPORT;
	special(sh, name);
	return 0;
}

int
var_make_local(struct shell *sh, const char *name)
{
	size_t h = hash(name);
	struct var *outer = var_lookup(sh, name);
	struct var *v, **pp;

	if (outer != NULL && outer->scope == sh->scope)
		return 0;	/* already local here */
	if (outer != NULL && (outer->flags & VAR_READONLY)) {
		diag_error(sh, "%s: is read only", name);
		return -1;
	}
	v = calloc(1, sizeof *v);
	if (v == NULL)
		abort();
	v->name = strdup(name);
	v->scope = sh->scope;
	nlocals++;
	if (outer != NULL) {
		/* A local starts with the outer value, as in dash. */
		if (outer->value != NULL)
			v->value = strdup(outer->value);
		v->flags = outer->flags & VAR_EXPORT;
		for (pp = &sh->vars[h]; *pp != outer; pp = &(*pp)->next)
			;
		*pp = outer->next;
		v->shadow = outer;
	}
	v->next = sh->vars[h];
	sh->vars[h] = v;
	return 0;
}

void
var_pop_scope(struct shell *sh, int scope)
{
	size_t i;

	if (nlocals == 0)
		return;
	for (i = 0; i < NBUCKETS; i++) {
		struct var **pp = &sh->vars[i];
		while (*pp != NULL) {
			struct var *v = *pp;
			if (v->scope < scope) {
				pp = &v->next;
				continue;
			}
			if (v->flags & VAR_EXPORT || (v->shadow && v->shadow->flags & VAR_EXPORT)) {
				free(sh->env_cache);
				sh->env_cache = NULL;
			}
			if (v->shadow != NULL) {
				v->shadow->next = v->next;
				*pp = v->shadow;
			} else {
				*pp = v->next;
			}
			special(sh, v->name);
			free(v->name);
			free(v->value);
			free(v);
			nlocals--;
		}
	}
}

char **
var_environ(struct shell *sh, struct arena *a)
{
	size_t n = 0, i, k = 0;
	struct var *v;

	(void)a;
	if (sh->env_cache != NULL)
		return sh->env_cache;
	for (i = 0; i < NBUCKETS; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			if ((v->flags & VAR_EXPORT) && v->value != NULL)
				n++;
	/* One block: the pointer array followed by the strings. */
	size_t bytes = (n + 1) * sizeof(char *);
	for (i = 0; i < NBUCKETS; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			if ((v->flags & VAR_EXPORT) && v->value != NULL)
				bytes += strlen(v->name) + strlen(v->value) + 2;
	char **env = malloc(bytes);
	if (env == NULL)
		abort();
	char *p = (char *)(env + n + 1);
	for (i = 0; i < NBUCKETS; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			if ((v->flags & VAR_EXPORT) && v->value != NULL) {
				env[k++] = p;
				p = stpcpy(stpcpy(stpcpy(p, v->name), "="), v->value) + 1;
			}
	env[k] = NULL;
	sh->env_cache = env;
	return env;
}

static int
cmpvar(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

struct var **
var_sorted(struct shell *sh)
{
	size_t n = 0, i, k = 0;
	struct var *v;
	struct var **out;

	for (i = 0; i < NBUCKETS; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			n++;
	out = malloc((n + 1) * sizeof *out);
	if (out == NULL)
		abort();
	for (i = 0; i < NBUCKETS; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			out[k++] = v;
	qsort(out, n, sizeof *out, cmpvar);
	out[n] = NULL;
	return out;
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
