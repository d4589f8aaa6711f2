/* subscript.h: array elements and element lists for the expander
 * (subscript.c): ${a[i]}, and the lists of ${a[@]...} ${!a[@]} with their
 * operators applied element-wise. */
#ifndef SUBSCRIPT_H
#define SUBSCRIPT_H
#include <stddef.h>

struct shell;
struct param;
struct word;

/* ${name[sub]}: the element, or NULL if unset. *err becomes 1 after a
 * diagnostic (bad subscript, bad arithmetic). */
const char *subscript_elem(struct shell *sh, const char *name, struct word *sub, int *err);

enum sub_result {
	SUB_LIST,	/* place *list / *n as $@ or $* would be */
	SUB_ARG,	/* expand pp->arg instead (${a[@]:-w}, ${a[@]:+w}) */
	SUB_NONE,	/* nothing */
	SUB_ERROR,	/* after a diagnostic; sh->expand_err set */
};

/* The result of ${name[@]...} / ${name[*]...} / ${!name[@]} (pp->subkind
 * set), in the eval arena. */
enum sub_result subscript_list(struct shell *sh, const struct param *pp, const char *name,
    char ***list, size_t *n);

#endif
