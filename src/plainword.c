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
	if (p->kind != WP_PARAM || p->u.param.op != PARAM_PLAIN || p->u.param.indirect ||
	    p->u.param.subscript != NULL || p->u.param.subkind)
		return NULL;
	const char *n = p->u.param.name;
	if ((n[0] == '@' || n[0] == '*') && n[1] == '\0')
		return NULL;
	return param_name_ok(n) ? n : NULL;
}

enum plainword
plainword_param_field(struct shell *sh, const struct word *w, char **out)
{
	const char *s, *name;
	char tmp[64];
	bool q;

	if ((name = plain_param(w, &q)) == NULL)
		return PW_NO;
	/* read once: a read hook ($RANDOM) gives a new value each time */
	s = param_value(sh, name, tmp, sizeof tmp);
	if (s == NULL && sh->opt.nounset)
		return PW_NO;	/* the error, from the full way */
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
	const char *s, *name;
	char tmp[64];
	bool q;

	if ((name = plain_param(w, &q)) == NULL)
		return NULL;
	s = param_value(sh, name, tmp, sizeof tmp);
	if (s == NULL && sh->opt.nounset)
		return NULL;	/* the error, from the full way */
	return arena_strdup(&sh->eval, s != NULL ? s : "");
}
