/* alias.c: alias storage, XCU 2.3.1. A sorted array searched with bsearch:
 * scripts define a handful of aliases, and listings come out sorted (as
 * `alias` prints them) for free. */
#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "xalloc.h"
#include "shell.h"

static struct alias *tab;	/* heap, sorted by name */
static size_t ntab, captab;

/* Replaced or removed values are retired, not freed: the lexer may still be
 * reading an alias's text when a command inside that text (a value with a
 * newline) redefines or removes the alias. They stay reachable from here. */
static char **retired;
static size_t nretired, capretired;

static void
retire(char *s)
{
	if (nretired == capretired) {
		size_t ncap = capretired ? 2 * capretired : 16;
		char **r = realloc(retired, ncap * sizeof *r);

		if (r == NULL)
			abort();
		retired = r;
		capretired = ncap;
	}
	retired[nretired++] = s;
}

static int
cmp_key(const void *key, const void *elem)
{
	return strcmp(key, ((const struct alias *)elem)->name);
}

/* Index of `name` in tab, or -1; *at gets the insertion point. */
static long
find(const char *name, size_t *at)
{
	size_t lo = 0, hi = ntab;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, tab[mid].name);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (at != NULL)
		*at = lo;
	return -1;
}

bool
alias_valid_name(const char *name)
{
	if (*name == '\0')
		return false;
	for (const char *p = name; *p != '\0'; p++)
		if (strchr(" \t\n|&;<>()$`\\\"'/=", *p) != NULL)
			return false;
	return true;
}

int
alias_set(struct shell *sh, const char *name, const char *value)
{
	size_t at = 0;
	long i;

	(void)sh;
	if (!alias_valid_name(name))
		return -1;
	if ((i = find(name, &at)) >= 0) {
		char *v = xa_strdup(value);

		retire(tab[i].value);
		tab[i].value = v;
		return 0;
	}
	if (ntab == captab) {
		size_t ncap = captab ? 2 * captab : 16;
		struct alias *t = realloc(tab, ncap * sizeof *t);

		if (t == NULL)
			abort();
		tab = t;
		captab = ncap;
	}
	memmove(&tab[at + 1], &tab[at], (ntab - at) * sizeof *tab);
	tab[at].name = xa_strdup(name);
	tab[at].value = xa_strdup(value);
	ntab++;
	return 0;
}

int
alias_remove(struct shell *sh, const char *name)
{
	long i;

	(void)sh;
	if ((i = find(name, NULL)) < 0)
		return -1;
	free(tab[i].name);
	retire(tab[i].value);
	memmove(&tab[i], &tab[i + 1], (ntab - (size_t)i - 1) * sizeof *tab);
	ntab--;
	return 0;
}

void
alias_clear(struct shell *sh)
{
	(void)sh;
	for (size_t i = 0; i < ntab; i++) {
		free(tab[i].name);
		retire(tab[i].value);
	}
	ntab = 0;
}

/* The lexer's hook: the replacement text of alias `name`, or NULL. The
 * pointer stays valid for the life of the shell (see retire()). */
const char *
alias_get(struct shell *sh, const char *name)
{
	const struct alias *a;

	(void)sh;
	if (ntab == 0)
		return NULL;
	a = bsearch(name, tab, ntab, sizeof *tab, cmp_key);
	return a != NULL ? a->value : NULL;
}

/* The lexer asks this first: with no aliases, words are not looked up. */
bool
alias_any(void)
{
	return ntab != 0;
}

const struct alias *
alias_list(struct shell *sh, size_t *n)
{
	(void)sh;
	*n = ntab;
	return tab;
}

void
alias_quote(struct strbuf *out, const char *s)
{
	sb_add_squoted(out, s, strlen(s));
}
