/* arena.h: bump allocator with marks. No shell knowledge.
 *
 * Blocks are chained; arena_release() frees every block allocated after a
 * mark, so one arena can serve nested lifetimes (the eval arena is marked
 * around each command). */
#ifndef ARENA_H
#define ARENA_H
#include <stddef.h>
#include <string.h>

struct arena_block;
struct arena_adopted;

struct arena {
	struct arena_block *head;	/* newest block first */
	size_t used;			/* bytes used in head */
	struct arena_adopted *adopted;	/* newest first: see arena_adopt() */
	/* head's data and size (NULL, 0 without a block), kept beside it so
	 * that arena_alloc's fast path is inline and needs no block type */
	unsigned char *data;
	size_t size;
};

struct arena_mark {
	struct arena_block *block;
	size_t used;
	struct arena_adopted *adopted;
};

void arena_init(struct arena *a);
void *arena_alloc_slow(struct arena *a, size_t n);
void *arena_alloc_slow_raw(struct arena *a, size_t n);	/* not zeroed */

/* n zeroed bytes, max-aligned; aborts on OOM. Inline: the parser and the
 * expander allocate millions of small nodes, and with a constant n the
 * compiler turns the memset into a few stores. */
static inline void *
arena_alloc(struct arena *a, size_t n)
{
	size_t align = _Alignof(max_align_t);
	size_t off = (a->used + align - 1) & ~(align - 1);

	if (a->data != NULL && off <= a->size && n <= a->size - off) {
		void *p = a->data + off;
		a->used = off + n;
		return memset(p, 0, n);
	}
	return arena_alloc_slow(a, n);
}
/* n bytes, max-aligned, not zeroed: for a node whose every field the
 * caller sets at once (the lexer's plain words). */
static inline void *
arena_alloc_raw(struct arena *a, size_t n)
{
	size_t align = _Alignof(max_align_t);
	size_t off = (a->used + align - 1) & ~(align - 1);

	if (a->data != NULL && off <= a->size && n <= a->size - off) {
		a->used = off + n;
		return a->data + off;
	}
	return arena_alloc_slow(a, n);
}
char *arena_strdup(struct arena *a, const char *s);

/* A copy of the n bytes at s, NUL-terminated. Inline, unaligned and not
 * zeroed first: the lexer copies a string per word. */
static inline char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (a->data != NULL && n < a->size - a->used) {
		p = (char *)a->data + a->used;
		a->used += n + 1;
	} else {
		p = arena_alloc_slow_raw(a, n + 1);
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
/* Hands malloc'd `p` to the arena, which frees it when it releases past this
 * point: a big string built elsewhere joins the arena without a copy. */
void *arena_adopt(struct arena *a, void *p);
struct arena_mark arena_mark(struct arena *a);
void arena_release(struct arena *a, struct arena_mark m);
void arena_free(struct arena *a);		/* everything; arena stays usable */

#endif
