/* param.h: the bash/ksh parameter operators (ast.h: PARAM_SUBSTR and
 * after), for expand.c. They work on values already fetched, one value or a
 * list ("$@", and arrays later), and give values back; expand.c splits,
 * joins and quotes the results as it does for $@ and $*. */
#ifndef PARAM_H
#define PARAM_H
#include <stdbool.h>
#include <stddef.h>

struct shell;
struct param;

/* Applies pp->op (PARAM_SUBSTR ... PARAM_TRANSFORM) to vals[0..n).
 * `name` is the parameter's name after any indirection (for ${x@A}, and
 * for the character-offset cache of ${x:i:1} when it is a variable).
 * `list`: vals is a list ($@, $*): PARAM_SUBSTR selects elements (vals[0]
 * is $0 for the positional parameters), the other operators map each
 * element. A scalar is a list of one with list false. Sets *out (eval
 * arena) and *nout. Returns 0, or -1 after a diagnostic with
 * sh->expand_err set. */
int param_apply(struct shell *sh, const struct param *pp, const char *name,
    const char *const *vals, size_t n, bool list, char ***out, size_t *nout);

/* ${!prefix*} ${!prefix@}: the names of set variables that start with
 * `prefix`, sorted (eval arena). */
size_t param_names(struct shell *sh, const char *prefix, char ***out);

/* $'...'-style backslash escapes of `s` decoded (${x@E}), eval arena. */
char *param_unescape(struct shell *sh, const char *s);

/* `s` quoted for re-input as bash's ${x@Q} does: '...' or $'...'. */
char *param_quote(struct shell *sh, const char *s);
/* ${#p}: the length of `s` in characters of the locale. */
size_t param_length(const char *s);

/* ${@@A} (at) and ${*@A}: see param.c. */
char **param_set_line(struct shell *sh, bool at, const char *sep, size_t *n);

/* The value of a scalar parameter (not @ or *), or NULL if unset; numbers
 * ($# $? $$ $!) are formatted into tmp. */
const char *param_value(struct shell *sh, const char *name, char *tmp, size_t tmpsz);
/* A name, a positional parameter number or a special parameter. */
bool param_name_ok(const char *name);
/* "$*" or $@ in a string context: v[0..n) joined by `sep` (NULL: none),
 * in the eval arena. */
char *param_join(struct shell *sh, char *const *v, size_t n, const char *sep);

#endif
