/* array.c: dense vectors, sparse ordered maps and hash
 * tables of strings for shell arrays (array.h). No shell knowledge. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/xalloc.h"
#include "array.h"

enum kind { DENSE, SPARSE, ASSOC };

/* DENSE: val[0..len), NULL where unset, val[len-1] set when len > 0.
 * SPARSE: idx[0..len) strictly increasing, val[i] all set.
 * ASSOC: key/val[0..len) in insertion order, key NULL for a deleted entry
 * (ndel of them); tab[tabsize] holds entry index + 1 (0: empty slot),
 * linear probing; a slot of a deleted entry still counts as used.
 * Iteration follows bash 5.2's hash table (hashlib.c) so that ${!A[@]}
 * lists the keys in bash's order: nb buckets (1024, times 4 when an
 * insertion finds 2 * nb entries), bucket = FNV-1 hash & (nb - 1), each
 * bucket a chain with the newest entry first. seq[i] orders entry i in
 * its chain (higher: nearer the head); ord caches the order. */
struct array {
	enum kind kind;
	size_t len, cap, n;
	char **val;
	long *idx;
	char **key;
	uint32_t *tab;
	size_t tabsize, ndel;
	uint32_t *bh;		/* bash's hash of key[i] */
	uint64_t *seq, seqctr;
	size_t nb;
	uint32_t *ord;		/* entry indices in bash's order */
	size_t nord;
	bool ordok;
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
	free(a->tab);
	free(a->bh);
	free(a->seq);
	free(a->ord);
	enum kind k = a->kind == ASSOC ? ASSOC : DENSE;
	memset(a, 0, sizeof *a);
	a->kind = k;
}

void
arr_free(struct array *a)
{
	if (a == NULL)
		return;
	arr_clear(a);
	free(a);
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

struct array *
arr_copy(const struct array *a)
{
	struct array *c = arr_new(a->kind == ASSOC);
	size_t pos = 0;
	long i = 0;
	const char *k = NULL, *v;

	if (a->kind == ASSOC) {
		/* the same chains: bash's hash_copy keeps their order */
		c->nb = a->nb;
		for (size_t e = 0; e < a->len; e++)
			if (a->key[e] != NULL) {
				arr_aset(c, a->key[e], xa_strdup(a->val[e]));
				c->seq[c->len - 1] = a->seq[e];
			}
		c->seqctr = a->seqctr;
		return c;
	}
	while (arr_next(a, &pos, &i, &k, &v))
		arr_set(c, i, xa_strdup(v));
	return c;
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

static size_t
hash(const char *s)
{
	size_t h = 14695981039346656037u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* bash's hash_string: FNV-1, over chars that are signed on x86 */
static uint32_t
bash_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++) {
		h *= 16777619u;
		h ^= (uint32_t)(int)(signed char)*s;
	}
	return h;
}

struct ordent {
	size_t bucket;
	uint64_t seq;
	uint32_t e;
};

static int
ordent_cmp(const void *x, const void *y)
{
	const struct ordent *p = x, *q = y;

	if (p->bucket != q->bucket)
		return p->bucket < q->bucket ? -1 : 1;
	return p->seq > q->seq ? -1 : p->seq < q->seq;	/* newest first */
}

/* Fills a->ord with the live entries in bash's iteration order. */
static void
bash_order(struct array *a)
{
	struct ordent *o = xrealloc(NULL, (a->n ? a->n : 1) * sizeof *o);
	size_t k = 0;

	for (size_t e = 0; e < a->len; e++)
		if (a->key[e] != NULL)
			o[k++] = (struct ordent){ a->bh[e] & (a->nb - 1), a->seq[e], (uint32_t)e };
	qsort(o, k, sizeof *o, ordent_cmp);
	a->ord = xrealloc(a->ord, (k ? k : 1) * sizeof *a->ord);
	for (size_t i = 0; i < k; i++)
		a->ord[i] = o[i].e;
	free(o);
	a->nord = k;
	a->ordok = true;
}

/* hash_rehash to 4 * nb buckets: each old chain, walked from bucket 0 and
 * head first, is pushed entry by entry onto the heads of the new ones. */
static void
bash_grow(struct array *a)
{
	if (!a->ordok)
		bash_order(a);
	for (size_t i = 0; i < a->nord; i++)
		a->seq[a->ord[i]] = ++a->seqctr;
	a->nb *= 4;
	a->ordok = false;
}

/* The slot of `key`, or of the empty slot where it would go. */
static size_t
slot(const struct array *a, const char *key)
{
	size_t m = a->tabsize - 1, s = hash(key) & m;

	for (;; s = (s + 1) & m) {
		uint32_t e = a->tab[s];
		if (e == 0)
			return s;
		if (a->key[e - 1] != NULL && strcmp(a->key[e - 1], key) == 0)
			return s;
	}
}

/* Drops deleted entries and rebuilds the table for at least `want` live
 * entries at load <= 1/2. */
static void
rehash(struct array *a, size_t want)
{
	size_t k = 0, size = 16;

	for (size_t i = 0; i < a->len; i++)
		if (a->key[i] != NULL) {
			a->key[k] = a->key[i];
			a->bh[k] = a->bh[i];
			a->seq[k] = a->seq[i];
			a->val[k++] = a->val[i];
		}
	a->len = k;
	a->ordok = false;
	a->ndel = 0;
	while (size < 2 * want)
		size *= 2;
	free(a->tab);
	a->tab = calloc(size, sizeof *a->tab);
	if (a->tab == NULL)
		abort();
	a->tabsize = size;
	for (size_t i = 0; i < a->len; i++)
		a->tab[slot(a, a->key[i])] = (uint32_t)(i + 1);
}

const char *
arr_aget(const struct array *a, const char *key)
{
	uint32_t e;

	if (a->kind != ASSOC || a->tabsize == 0)
		return NULL;
	e = a->tab[slot(a, key)];
	return e != 0 ? a->val[e - 1] : NULL;
}

void
arr_aset(struct array *a, const char *key, char *val)
{
	size_t s;

	if (a->tabsize == 0 || 2 * (a->len + 1) > a->tabsize)
		rehash(a, a->n + 1 > a->len / 2 ? 2 * (a->n + 1) : a->n + 1);
	s = slot(a, key);
	if (a->tab[s] != 0) {
		free(a->val[a->tab[s] - 1]);
		a->val[a->tab[s] - 1] = val;
		return;
	}
	if (a->nb == 0)
		a->nb = 1024;	/* ASSOC_HASH_BUCKETS */
	else if (a->n >= 2 * a->nb)
		bash_grow(a);	/* (before the new entry, as hash_insert) */
	if (a->len == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 8;
		a->val = xrealloc(a->val, a->cap * sizeof *a->val);
		a->key = xrealloc(a->key, a->cap * sizeof *a->key);
		a->bh = xrealloc(a->bh, a->cap * sizeof *a->bh);
		a->seq = xrealloc(a->seq, a->cap * sizeof *a->seq);
	}
	a->key[a->len] = xa_strdup(key);
	a->val[a->len] = val;
	a->bh[a->len] = bash_hash(key);
	a->seq[a->len] = ++a->seqctr;
	a->tab[s] = (uint32_t)(++a->len);
	a->n++;
	a->ordok = false;
}

bool
arr_aunset(struct array *a, const char *key)
{
	uint32_t e;

	if (a->kind != ASSOC || a->tabsize == 0)
		return false;
	e = a->tab[slot(a, key)];
	if (e == 0)
		return false;
	free(a->key[e - 1]);
	free(a->val[e - 1]);
	a->key[e - 1] = NULL;
	a->val[e - 1] = NULL;
	a->n--;
	a->ordok = false;
	if (++a->ndel > a->len / 2 && a->ndel > 8)
		rehash(a, a->n);
	return true;
}

static bool assoc_next(const struct array *ca, size_t *pos, const char **key, const char **val);

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
			if (a->key[i] == NULL)
				continue;
			*key = a->key[i];
			break;
		}
		*val = a->val[i];
		return true;
	}
	return false;
}

/* Associative: bash's order, from the cache (rebuilt at the start of an
 * iteration; an entry that went meanwhile is skipped). */
static bool
assoc_next(const struct array *ca, size_t *pos, const char **key, const char **val)
{
	struct array *a = (struct array *)ca;	/* the cache only */

	if (*pos == 0 && !a->ordok)
		bash_order(a);
	while (*pos < a->nord) {
		uint32_t e = a->ord[(*pos)++];
		if (e >= a->len || a->key[e] == NULL)
			continue;
		*key = a->key[e];
		*val = a->val[e];
		return true;
	}
	return false;
}
