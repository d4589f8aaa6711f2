/* arena.c: bump allocator with marks (see arena.h). */
#include "arena.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *prev;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

/* An adopted heap allocation; the node itself lives in the arena, after
 * any mark that could release it. */
struct arena_adopted {
	struct arena_adopted *prev;
	void *p;
};

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_NO_POOL 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_NO_POOL 1
#endif

/* Under AddressSanitizer every block goes back to malloc, so that a use
 * after release is still caught. */
#ifdef ARENA_NO_POOL
enum { BLOCK_MIN = 16384, POOL_MAX = 0 };
#else
enum { BLOCK_MIN = 16384, POOL_MAX = 8 };
#endif

/* Released blocks of the common size wait here for the next arena that
 * needs one: a shell allocates and releases a few blocks per command, and
 * going through malloc each time costs more than the command's own work.
 * (A process has one thread; spawn children never allocate.) */
static struct arena_block *pool;
static int npool;

static void
block_free(struct arena_block *b)
{
	if (b->size == BLOCK_MIN && npool < POOL_MAX) {
		b->prev = pool;
		pool = b;
		npool++;
		return;
	}
	free(b);
}

/* Makes b the head block (its data and size cached in the arena). */
static void
set_head(struct arena *a, struct arena_block *b)
{
	a->head = b;
	a->data = b != NULL ? b->data : NULL;
	a->size = b != NULL ? b->size : 0;
}

void
arena_init(struct arena *a)
{
	set_head(a, NULL);
	a->used = 0;
	a->adopted = NULL;
}

/* The slow path without the clearing: for a copy (arena_strndup) that
 * writes every byte anyway, where zeroing a long string first cost as much
 * as the copy. */
void *
arena_alloc_slow_raw(struct arena *a, size_t n)
{
	size_t align = alignof(max_align_t);
	size_t off = (a->used + align - 1) & ~(align - 1);
	void *p;

	if (a->head == NULL || off + n > a->head->size) {
		size_t size = n > BLOCK_MIN ? n : BLOCK_MIN;
		struct arena_block *b;
		if (size == BLOCK_MIN && pool != NULL) {
			b = pool;
			pool = b->prev;
			npool--;
		} else {
			b = malloc(sizeof *b + size);
		}
		if (b == NULL) {
			fputs("spsh: out of memory\n", stderr);
			abort();
		}
		b->prev = a->head;
		b->size = size;
		set_head(a, b);
		off = 0;
	}
	p = a->head->data + off;
	a->used = off + n;
	return p;
}

void *
arena_alloc_slow(struct arena *a, size_t n)
{
	return memset(arena_alloc_slow_raw(a, n), 0, n);
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void *
arena_adopt(struct arena *a, void *p)
{
	struct arena_adopted *n = arena_alloc(a, sizeof *n);

	n->prev = a->adopted;
	n->p = p;
	a->adopted = n;
	return p;
}

struct arena_mark
arena_mark(struct arena *a)
{
	struct arena_mark m = { a->head, a->used, a->adopted };
	return m;
}

void
arena_release(struct arena *a, struct arena_mark m)
{
	/* the nodes are in the blocks freed below, so walk them first */
	while (a->adopted != m.adopted) {
		free(a->adopted->p);
		a->adopted = a->adopted->prev;
	}
	while (a->head != m.block) {
		struct arena_block *prev = a->head->prev;
		block_free(a->head);
		set_head(a, prev);
	}
	a->used = m.used;
}

void
arena_free(struct arena *a)
{
	struct arena_mark none = { NULL, 0, NULL };
	arena_release(a, none);
}
