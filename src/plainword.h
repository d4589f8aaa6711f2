/* plainword.h: the words that need none of expand.c's machinery; the
 * literal case inline (it is most words), $name and "$name" in
 * plainword.c. */
#ifndef PLAINWORD_H
#define PLAINWORD_H
#include <stdbool.h>
#include <string.h>

#include "shell.h"

/* A part that is $name or ${name}: no operator, subscript or indirection
 * (the name may still be @ or *). */
static inline bool
wpart_plain_param(const struct wpart *p)
{
	return p->kind == WP_PARAM && p->u.param.op == PARAM_PLAIN && !p->u.param.indirect &&
	    p->u.param.subscript == NULL && !p->u.param.subkind;
}

/* The text of a word that is one literal with nothing to expand (no
 * tilde; with `fields`, nothing globbing or brace expansion would
 * change), or NULL. It points into the word. */
static inline const char *
plainword_literal(const struct word *w, bool fields)
{
	static const bool glob_or_brace[256] = {
		['*'] = 1, ['?'] = 1, ['['] = 1, ['{'] = 1, ['('] = 1,
	};
	const struct wpart *p = w->parts;

	if (p == NULL || p->next != NULL || p->kind != WP_LIT)
		return NULL;
	if (p->u.lit.quoted)
		return p->u.lit.text;
	const char *t = p->u.lit.text;
	size_t n = p->u.lit.len;
	/* a tilde anywhere: also after = and : (assignments, and name=~
	 * arguments outside posix mode) */
	if (n == 0 || memchr(t, '~', n))
		return NULL;
	if (fields)
		for (size_t i = 0; i < n; i++)
			if (glob_or_brace[(unsigned char)t[i]])
				return NULL;
	return t;
}

enum plainword {
	PW_NO,		/* expand it in full */
	PW_FIELD,	/* one field: *out */
	PW_NONE,	/* no field (an unquoted $x, unset or null) */
	PW_UNQUOTED,	/* *out is the value of an unquoted $x: split and
			 * globbed (unless nothing in it can be) */
};
enum plainword plainword_param_field(struct shell *sh, const struct word *w, char **out);
char *plainword_param_value(struct shell *sh, const struct word *w);

/* A command word, for expand_words: a literal, $name or "$name" (read
 * once: a read hook such as RANDOM's gives a new value each time).
 * *out is in the eval arena. */
static inline enum plainword
plainword_field(struct shell *sh, const struct word *w, char **out)
{
	const char *s = plainword_literal(w, true);

	if (s != NULL) {
		*out = arena_strndup(&sh->eval, s, w->parts->u.lit.len);
		return PW_FIELD;
	}
	if (w->parts == NULL || w->parts->next != NULL ||
	    (w->parts->kind != WP_PARAM && w->parts->kind != WP_DQ))
		return PW_NO;
	return plainword_param_field(sh, w, out);
}

/* The value of a literal, $name or "$name" as a string expansion (no
 * splitting) in the eval arena, or NULL to expand it in full. */
static inline char *
plainword_value(struct shell *sh, const struct word *w)
{
	const char *s = plainword_literal(w, false);

	if (s != NULL)
		return arena_strndup(&sh->eval, s, w->parts->u.lit.len);
	if (w->parts == NULL || w->parts->next != NULL ||
	    (w->parts->kind != WP_PARAM && w->parts->kind != WP_DQ))
		return NULL;
	return plainword_param_value(sh, w);
}

#endif
