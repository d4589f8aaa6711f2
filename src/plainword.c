/* plainword.c: the words most commands are made of need none of the
 * expansion machinery (expand.c's field buffers, splitting, pattern
 * form): a literal with nothing to expand, $name and "$name". expand.c
 * asks here first; anything else, or any doubt, goes the full way. */
#include <stdlib.h>
#include <string.h>

#include "param.h"
#include "plainword.h"
#include "shell.h"

/* The name of a word that is only $name or "$name" (a scalar: no
 * operator, subscript, indirection, $@ or $*), or NULL; *quoted tells
 * which. */
static const char *
plain_param(const struct word *w, bool *quoted)
{
	const struct wpart *p = w->parts;

	if (p == NULL || p->next != NULL)
		return NULL;
	*quoted = p->kind == WP_DQ;
	if (*quoted && ((p = p->u.dq) == NULL || p->next != NULL))
		return NULL;
	if (!wpart_plain_param(p))
		return NULL;
	const char *n = p->u.param.name;
	if ((n[0] == '@' || n[0] == '*') && n[1] == '\0')
		return NULL;
	return param_name_ok(n) ? n : NULL;
}

/* The value of w when it is a plain $name or "$name" (*q: quoted), read
 * once: a read hook ($RANDOM) gives a new value each time. False when w is
 * not such a word, or when the variable is unset under set -u (the error
 * comes from the full way). *s is NULL for an unset variable; it may point
 * into tmp. */
static bool
plain_read(struct shell *sh, const struct word *w, bool *q, const char **s, char tmp[64])
{
	const char *name;

	if ((name = plain_param(w, q)) == NULL)
		return false;
	*s = param_value(sh, name, tmp, 64);
	return *s != NULL || !sh->opt.nounset;
}

enum plainword
plainword_param_field(struct shell *sh, const struct word *w, char **out)
{
	const char *s;
	char tmp[64];
	bool q;

	if (!plain_read(sh, w, &q, &s, tmp))
		return PW_NO;
	if (q) {
		*out = arena_strdup(&sh->eval, s != NULL ? s : "");
		return PW_FIELD;
	}
	if (s == NULL || *s == '\0')
		return PW_NONE;
	*out = arena_strdup(&sh->eval, s);
	return PW_UNQUOTED;
}

char *
plainword_param_value(struct shell *sh, const struct word *w)
{
	const char *s;
	char tmp[64];
	bool q;

	if (!plain_read(sh, w, &q, &s, tmp))
		return NULL;
	return arena_strdup(&sh->eval, s != NULL ? s : "");
}
