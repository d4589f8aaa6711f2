/* arena.h: bump allocator with marks. No shell knowledge.
 *
 * Blocks are chained; arena_release() frees every block allocated after a
 * mark, so one arena can serve nested lifetimes (the eval arena is marked
 * around each command). */
#ifndef ARENA_H
#define ARENA_H
#include <stddef.h>

struct arena_block;
struct arena_adopted;

struct arena {
	struct arena_block *head;	/* newest block first */
	size_t used;			/* bytes used in head */
	struct arena_adopted *adopted;	/* newest first: see arena_adopt() */
};

struct arena_mark {
	struct arena_block *block;
	size_t used;
	struct arena_adopted *adopted;
};

void arena_init(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);	/* zeroed, max-aligned; aborts on OOM */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Hands malloc'd `p` to the arena, which frees it when it releases past this
 * point: a big string built elsewhere joins the arena without a copy. */
void *arena_adopt(struct arena *a, void *p);
struct arena_mark arena_mark(struct arena *a);
void arena_release(struct arena *a, struct arena_mark m);
void arena_free(struct arena *a);		/* everything; arena stays usable */

#endif
