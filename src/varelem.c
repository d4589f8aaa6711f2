/* varelem.c: an array variable's elements listed for expansion and the
 * builtins (var_count, var_elems): the values, and the keys or indices as
 * text, in the container's order (array.c); a scalar is element 0. */
#include <stdio.h>

#include "array.h"
#include "shell.h"

size_t
var_count(struct var *v)
{
	if (v == NULL)
		return 0;
	if (v->arr == NULL)
		return v->value != NULL && !(v->flags & VAR_NAMEREF) ? 1 : 0;
	return arr_count(v->arr);
}

size_t
var_elems(struct shell *sh, struct var *v, struct arena *a, char ***vals, char ***keys)
{
	size_t n = var_count(v), k = 0, pos = 0;
	long idx;
	const char *key, *val;
	char buf[24];

	(void)sh;
	*vals = arena_alloc(a, (n + 1) * sizeof **vals);
	if (keys != NULL)
		*keys = arena_alloc(a, (n + 1) * sizeof **keys);
	if (n == 0)
		return 0;
	if (v->arr == NULL) {
		(*vals)[0] = v->value;
		if (keys != NULL)
			(*keys)[0] = arena_strdup(a, "0");
		return 1;
	}
	bool assoc = arr_is_assoc(v->arr);
	while (arr_next(v->arr, &pos, &idx, &key, &val)) {
		(*vals)[k] = (char *)val;
		if (keys != NULL) {
			if (!assoc) {
				snprintf(buf, sizeof buf, "%ld", idx);
				key = buf;
			}
			(*keys)[k] = arena_strdup(a, key);
		}
		k++;
	}
	return k;
}
