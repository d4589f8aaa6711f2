/* strbuf.h: growable byte string, always NUL-terminated. No shell knowledge
 * beyond sb_add_squoted, the POSIX single-quoted form of a string. */
#ifndef STRBUF_H
#define STRBUF_H
#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *s;	/* heap; "" (static) until the first append */
	size_t len, cap;
};

#define STRBUF_INIT { (char *)"", 0, 0 }

void sb_free(struct strbuf *b);
/* An empty buffer, from a small pool of released ones when there is one;
 * sb_release gives it back (a big one is freed). For the many short-lived
 * buffers of the lexer and the expander: a malloc and a free each cost
 * more than their work on a short word. */
void sb_acquire(struct strbuf *b);
void sb_release(struct strbuf *b);
void sb_grow(struct strbuf *b, size_t extra);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_adds(struct strbuf *b, const char *s);
/* Appends s[0..n) in single quotes for re-input as shell text: each '
 * becomes '\'' (closing quote, escaped quote, opening quote). */
void sb_add_squoted(struct strbuf *b, const char *s, size_t n);
void sb_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *b, const char *fmt, va_list ap);
char *sb_detach(struct strbuf *b);		/* malloc'd string (big slack trimmed); b is reset empty */

static inline void
sb_init(struct strbuf *b)
{
	b->s = (char *)"";
	b->len = b->cap = 0;
}

/* len = 0, keeps the memory */
static inline void
sb_reset(struct strbuf *b)
{
	b->len = 0;
	if (b->cap)
		b->s[0] = '\0';
}

/* Appends one byte. Inline: the lexer and the expander add most text a
 * byte at a time, and the call was a tenth of their instructions. */
static inline void
sb_addc(struct strbuf *b, char c)
{
	if (b->len + 2 > b->cap)
		sb_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

#endif
