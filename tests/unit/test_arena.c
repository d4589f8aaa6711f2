/* test_arena.c: lib/arena.c, with the inline fast path of arena.h. Every
 * allocation is zeroed, max-aligned and inside memory of its own, across
 * odd big sizes (a block exactly as large as an odd request), marks and
 * releases. Run under the sanitizers by unit.bats when they are there. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "unit.h"

static bool
zeroed(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != 0)
			return false;
	return true;
}

int
main(void)
{
	struct arena a;
	static const size_t sizes[] = { 1, 7, 16, 100, 16383, 16384, 16385,
	    20001, 3, 65537, 0, 9 };
	unsigned char *prev[sizeof sizes / sizeof sizes[0]];

	arena_init(&a);
	for (int round = 0; round < 3; round++) {
		struct arena_mark m = arena_mark(&a);
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			unsigned char *p = arena_alloc(&a, sizes[i]);
			CHECK(p != NULL);
			CHECK((uintptr_t)p % alignof(max_align_t) == 0);
			CHECK(zeroed(p, sizes[i]));
			memset(p, 0xa5, sizes[i]);
			prev[i] = p;
		}
		/* every earlier allocation kept its bytes: none overlapped */
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			bool ok = true;
			for (size_t k = 0; k < sizes[i]; k++)
				ok &= prev[i][k] == 0xa5;
			CHECK(ok);
		}
		arena_release(&a, m);
	}
	/* many small ones after an odd big one share blocks correctly */
	(void)arena_alloc(&a, 16385);
	for (int i = 0; i < 10000; i++) {
		char *s = arena_strdup(&a, "abcdefghij");
		CHECK(strcmp(s, "abcdefghij") == 0);
	}
	arena_free(&a);
	return unit_done("arena");
}
