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

/* The same with the subscript already expanded (text). */
const char *subscript_elem_text(struct shell *sh, const char *name, const char *sub, int *err);
/* A subscript given as data (printf -v 'm[$k]', read, ${!ref}): expanded
 * as the subscript of an assignment word is, quotes removed (bash). The
 * result is in the eval arena; NULL after a diagnostic. */
char *subscript_expand(struct shell *sh, const char *text);
/* The same as a word of one quoted literal (for struct param). */
struct word *subscript_word(struct shell *sh, const char *text);
/* If `s` is name[subscript] (brackets balanced, subscript not empty):
 * the length of the name; else 0. */
size_t subscript_ref_len(const char *s);

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

/* ${a[@]#w} and the other removals, applied to each of v[0..n-1] in place
 * (eval arena). Returns 0, or -1 after a diagnostic. */
int subscript_remove_each(struct shell *sh, const struct param *pp, size_t n, char **v);

#endif
