/* array.c: dense vectors, sparse ordered maps and chained hash tables of
 * strings for shell arrays (array.h). No shell knowledge. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/xalloc.h"
#include "array.h"

enum kind { DENSE, SPARSE, ASSOC };

/* DENSE: val[0..len), NULL where unset, val[len-1] set when len > 0.
 * SPARSE: idx[0..len) strictly increasing, val[i] all set.
 * ASSOC: entries key/val/hv/next[0..len), key NULL for a free entry (a
 * list through next from freel); tab[tabsize] are the bucket chains
 * (entry index + 1, 0 ends a chain). The layout is bash's, so that the
 * keys come out in bash's order: 32-bit FNV-1 over the key's (signed)
 * chars, 1024 buckets growing fourfold when there are twice as many
 * entries, a new key at the head of its chain, buckets walked in order.
 * Scripts print "${!m[@]}" and compare with what bash printed. */
struct array {
	enum kind kind;
	size_t len, cap, n;
	char **val;
	long *idx;
	char **key;
	uint32_t *hv, *next, *tab;
	size_t tabsize;
	uint32_t freel;
};

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (p == NULL && n != 0)
		abort();
	return p;
}

struct array *
arr_new(bool assoc)
{
	struct array *a = calloc(1, sizeof *a);

	if (a == NULL)
		abort();
	a->kind = assoc ? ASSOC : DENSE;
	return a;
}

void
arr_clear(struct array *a)
{
	for (size_t i = 0; i < a->len; i++) {
		free(a->val[i]);
		if (a->kind == ASSOC)
			free(a->key[i]);
	}
	free(a->val);
	free(a->idx);
	free(a->key);
	free(a->hv);
	free(a->next);
	free(a->tab);
	enum kind k = a->kind == ASSOC ? ASSOC : DENSE;
	size_t buckets = a->tabsize;	/* bash keeps a grown table's size */
	memset(a, 0, sizeof *a);
	a->kind = k;
	a->tabsize = buckets;
}

void
arr_free(struct array *a)
{
	if (a == NULL)
		return;
	arr_clear(a);
	free(a);
}

struct array *
arr_copy(const struct array *a)
{
	struct array *c = arr_new(a->kind == ASSOC);
	size_t pos = 0;
	long idx;
	const char *key, *val;

	while (arr_next(a, &pos, &idx, &key, &val))
		if (a->kind == ASSOC)
			arr_aset(c, key, xa_strdup(val));
		else
			arr_set(c, idx, xa_strdup(val));
	return c;
}

bool
arr_is_assoc(const struct array *a)
{
	return a->kind == ASSOC;
}

size_t
arr_count(const struct array *a)
{
	return a->n;
}

long
arr_max(const struct array *a)
{
	if (a->len == 0)
		return -1;
	if (a->kind == SPARSE)
		return a->idx[a->len - 1];
	return (long)a->len - 1;
}

/* ---- indexed ---- */

/* Position of index i in a sparse array, or where it would go. */
static size_t
sparse_find(const struct array *a, long i, bool *found)
{
	size_t lo = 0, hi = a->len;

	if (a->len > 0 && a->idx[a->len - 1] < i) {
		*found = false;
		return a->len;	/* appending: the common case */
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->idx[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < a->len && a->idx[lo] == i;
	return lo;
}

const char *
arr_get(const struct array *a, long i)
{
	bool found;
	size_t k;

	if (i < 0)
		return NULL;
	if (a->kind == DENSE)
		return (size_t)i < a->len ? a->val[i] : NULL;
	if (a->kind != SPARSE)
		return NULL;
	k = sparse_find(a, i, &found);
	return found ? a->val[k] : NULL;
}

/* A dense array becomes sparse when setting index i would leave it less
 * than a quarter full. */
static void
to_sparse(struct array *a)
{
	size_t k = 0;

	a->idx = xrealloc(NULL, (a->n + 1) * sizeof *a->idx);
	for (size_t i = 0; i < a->len; i++)
		if (a->val[i] != NULL) {
			a->idx[k] = (long)i;
			a->val[k++] = a->val[i];
		}
	a->len = a->n;
	a->cap = a->n + 1;
	a->val = xrealloc(a->val, a->cap * sizeof *a->val);
	a->kind = SPARSE;
}

void
arr_set(struct array *a, long i, char *val)
{
	bool found;
	size_t k;

	if (a->kind == DENSE) {
		if ((size_t)i < a->len) {
			if (a->val[i] == NULL)
				a->n++;
			free(a->val[i]);
			a->val[i] = val;
			return;
		}
		if ((unsigned long)i <= 4 * (unsigned long)a->n + 64) {
			if ((size_t)i >= a->cap) {
				size_t cap = a->cap ? 2 * a->cap : 8;
				while (cap <= (size_t)i)
					cap *= 2;
				a->val = xrealloc(a->val, cap * sizeof *a->val);
				a->cap = cap;
			}
			memset(a->val + a->len, 0, ((size_t)i - a->len) * sizeof *a->val);
			a->val[i] = val;
			a->len = (size_t)i + 1;
			a->n++;
			return;
		}
		to_sparse(a);
	}
	k = sparse_find(a, i, &found);
	if (found) {
		free(a->val[k]);
		a->val[k] = val;
		return;
	}
	if (a->len == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 8;
		a->val = xrealloc(a->val, a->cap * sizeof *a->val);
		a->idx = xrealloc(a->idx, a->cap * sizeof *a->idx);
	}
	memmove(a->val + k + 1, a->val + k, (a->len - k) * sizeof *a->val);
	memmove(a->idx + k + 1, a->idx + k, (a->len - k) * sizeof *a->idx);
	a->val[k] = val;
	a->idx[k] = i;
	a->len++;
	a->n++;
}

bool
arr_unset(struct array *a, long i)
{
	bool found;
	size_t k;

	if (i < 0 || a->kind == ASSOC)
		return false;
	if (a->kind == DENSE) {
		if ((size_t)i >= a->len || a->val[i] == NULL)
			return false;
		free(a->val[i]);
		a->val[i] = NULL;
		a->n--;
		while (a->len > 0 && a->val[a->len - 1] == NULL)
			a->len--;
		return true;
	}
	k = sparse_find(a, i, &found);
	if (!found)
		return false;
	free(a->val[k]);
	memmove(a->val + k, a->val + k + 1, (a->len - k - 1) * sizeof *a->val);
	memmove(a->idx + k, a->idx + k + 1, (a->len - k - 1) * sizeof *a->idx);
	a->len--;
	a->n--;
	return true;
}

/* ---- associative ---- */

enum { BUCKETS = 1024, GROW = 4 };

/* bash's hash_string: FNV-1, 32 bits, over chars that are signed here. */
static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h * 16777619u) ^ (uint32_t)(int)(signed char)*s;
	return h;
}

/* The entry of `key` (index + 1), 0 if none; *link gets the pointer that
 * leads to it (or the bucket head when absent). */
static uint32_t
find(const struct array *a, const char *key, uint32_t h, uint32_t **link)
{
	uint32_t *l = &a->tab[h & (a->tabsize - 1)];

	for (; *l != 0; l = &a->next[*l - 1])
		if (a->hv[*l - 1] == h && strcmp(a->key[*l - 1], key) == 0)
			break;
	if (link != NULL)
		*link = l;
	return *l;
}

/* Each old chain, walked in order, is pushed onto the new heads: bash's
 * rehash, which reverses what shares a bucket. */
static void
grow(struct array *a)
{
	size_t size = a->tabsize * GROW;
	uint32_t *tab = calloc(size, sizeof *tab);

	if (tab == NULL)
		abort();
	for (size_t b = 0; b < a->tabsize; b++)
		for (uint32_t e = a->tab[b], nx; e != 0; e = nx) {
			nx = a->next[e - 1];
			a->next[e - 1] = tab[a->hv[e - 1] & (size - 1)];
			tab[a->hv[e - 1] & (size - 1)] = e;
		}
	free(a->tab);
	a->tab = tab;
	a->tabsize = size;
}

const char *
arr_aget(const struct array *a, const char *key)
{
	uint32_t e;

	if (a->kind != ASSOC || a->tab == NULL)
		return NULL;
	e = find(a, key, hash(key), NULL);
	return e != 0 ? a->val[e - 1] : NULL;
}

void
arr_aset(struct array *a, const char *key, char *val)
{
	uint32_t h = hash(key), e, *head;

	if (a->tab == NULL) {
		if (a->tabsize == 0)
			a->tabsize = BUCKETS;
		a->tab = calloc(a->tabsize, sizeof *a->tab);
		if (a->tab == NULL)
			abort();
	}
	e = find(a, key, h, NULL);
	if (e != 0) {
		free(a->val[e - 1]);
		a->val[e - 1] = val;
		return;
	}
	if (a->n >= 2 * a->tabsize)
		grow(a);
	if (a->freel != 0) {
		e = a->freel;
		a->freel = a->next[e - 1];
	} else {
		if (a->len == a->cap) {
			a->cap = a->cap ? 2 * a->cap : 8;
			a->val = xrealloc(a->val, a->cap * sizeof *a->val);
			a->key = xrealloc(a->key, a->cap * sizeof *a->key);
			a->hv = xrealloc(a->hv, a->cap * sizeof *a->hv);
			a->next = xrealloc(a->next, a->cap * sizeof *a->next);
		}
		e = (uint32_t)++a->len;
	}
	head = &a->tab[h & (a->tabsize - 1)];
	a->key[e - 1] = xa_strdup(key);
	a->val[e - 1] = val;
	a->hv[e - 1] = h;
	a->next[e - 1] = *head;
	*head = e;
	a->n++;
}

bool
arr_aunset(struct array *a, const char *key)
{
	uint32_t e, *link;

	if (a->kind != ASSOC || a->tab == NULL)
		return false;
	e = find(a, key, hash(key), &link);
	if (e == 0)
		return false;
	*link = a->next[e - 1];
	free(a->key[e - 1]);
	free(a->val[e - 1]);
	a->key[e - 1] = NULL;
	a->val[e - 1] = NULL;
	a->next[e - 1] = a->freel;
	a->freel = e;
	a->n--;
	return true;
}

/* The first entry (index + 1) of a bucket from b on, 0 if none. */
static uint32_t
first_from(const struct array *a, size_t b)
{
	for (; a->tab != NULL && b < a->tabsize; b++)
		if (a->tab[b] != 0)
			return a->tab[b];
	return 0;
}

/* ASSOC iteration: *pos is 0 at the start, then the next entry + 1 to
 * return, or SIZE_MAX at the end. */
static bool
assoc_next(const struct array *a, size_t *pos, const char **key, const char **val)
{
	uint32_t e = *pos == 0 ? first_from(a, 0) : *pos == SIZE_MAX ? 0 : (uint32_t)*pos;
	uint32_t nx;

	if (e == 0) {
		*pos = SIZE_MAX;
		return false;
	}
	*key = a->key[e - 1];
	*val = a->val[e - 1];
	nx = a->next[e - 1];
	if (nx == 0)
		nx = first_from(a, (a->hv[e - 1] & (a->tabsize - 1)) + 1);
	*pos = nx != 0 ? nx : SIZE_MAX;
	return true;
}

bool
arr_next(const struct array *a, size_t *pos, long *idx, const char **key, const char **val)
{
	if (a->kind == ASSOC)
		return assoc_next(a, pos, key, val);
	while (*pos < a->len) {
		size_t i = (*pos)++;
		switch (a->kind) {
		case DENSE:
			if (a->val[i] == NULL)
				continue;
			*idx = (long)i;
			break;
		case SPARSE:
			*idx = a->idx[i];
			break;
		case ASSOC:
			break;
		}
		*val = a->val[i];
		return true;
	}
	return false;
}
