/* strbuf.c: growable byte string (see strbuf.h). */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
sb_free(struct strbuf *b)
{
	if (b->cap)
		free(b->s);
	sb_init(b);
}

enum { POOL = 16, POOL_MAXCAP = 65536 };
static struct strbuf pool[POOL];
static int npool;

void
sb_acquire(struct strbuf *b)
{
	if (npool > 0) {
		*b = pool[--npool];
		sb_reset(b);
	} else {
		sb_init(b);
	}
}

void
sb_release(struct strbuf *b)
{
	if (b->cap != 0 && b->cap <= POOL_MAXCAP && npool < POOL)
		pool[npool++] = *b;
	else
		sb_free(b);
	sb_init(b);
}

void
sb_grow(struct strbuf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	char *p;

	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap * 2 : 64;
	while (cap < need)
		cap *= 2;
	p = b->cap ? realloc(b->s, cap) : malloc(cap);
	if (p == NULL) {
		fputs("spsh: out of memory\n", stderr);
		abort();
	}
	if (!b->cap)
		memcpy(p, b->s, b->len + 1);
	b->s = p;
	b->cap = cap;
}

void
sb_addn(struct strbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sb_adds(struct strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void
sb_add_squoted(struct strbuf *b, const char *s, size_t n)
{
	sb_addc(b, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'')
			sb_adds(b, "'\\''");
		else
			sb_addc(b, s[i]);
	}
	sb_addc(b, '\'');
}

void
sb_vprintf(struct strbuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n <= 0)
		return;
	sb_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
sb_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
sb_detach(struct strbuf *b)
{
	char *s;

	if (!b->cap)
		sb_grow(b, 0);
	s = b->s;
	/* Doubling may have left up to 3/4 of the buffer unused: give big
	 * tails back (for an mmap'd block realloc shrinks without copying). */
	if (b->cap - b->len > 65536 && (s = realloc(b->s, b->len + 1)) == NULL)
		s = b->s;
	sb_init(b);
	return s;
}
