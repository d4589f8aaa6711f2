/* assign.h: bash's array and append assignments (assign.c). */
#ifndef ASSIGN_H
#define ASSIGN_H
#include <stdbool.h>

#include "ast.h"

struct shell;

/* True if `a` is a plain XCU 2.9.1 name=value (no subscript, +=, list). */
bool assign_is_plain(const struct assign *a);
/* Expands and performs `a`. Returns 0, -1 after a diagnostic (read-only,
 * bad subscript), or -2 after an expansion error (sh->expand_err). */
int assign_run(struct shell *sh, struct assign *a);
/* x="$x..." or x=$x...: the rest appended to x's value in place
 * (var_append), when x is a plain scalar and the rest is plain text and
 * parameters (which cannot change x). 1 if done, 0 if not (assign as
 * usual), -1 after an expansion error (set -u). */
int assign_append_in_place(struct shell *sh, struct assign *a);
/* The elements of name=(...) expanded into the text form "('a' [k]='v')"
 * (eval arena), or NULL after an expansion error. */
char *assign_serialize(struct shell *sh, struct word *elems);
/* a=(...) before a command name (bash): the string "(w1 w2 ...)" of the
 * expanded element words, which is what bash puts in the environment. */
char *assign_list_text(struct shell *sh, struct word *elems);
/* A declaration builtin's argument: name=v, name+=v, name[sub]=v,
 * name=(...) in the text form (or as the user quoted it). `attrs`: -a/-A
 * from the builtin's options. Returns 0 or -1 after a diagnostic. */
int assign_text(struct shell *sh, const char *arg, unsigned attrs);
/* name[sub]=val or name[sub]+=val with the subscript already expanded
 * (arithmetic for an indexed array, the key of an associative one). */
int assign_elem(struct shell *sh, const char *name, const char *sub, const char *val,
    bool append);
/* An assignment to a name given as data (printf -v, read): "name" or
 * "name[sub]", the subscript expanded once (subscript_expand). Returns 0
 * or -1 after a diagnostic. */
int assign_lvalue(struct shell *sh, const char *lhs, const char *val);
/* True if `s` is a name or name[subscript]. */
bool assign_lvalue_ok(const char *s);
/* unset 'name[sub]'. */
int assign_unset(struct shell *sh, const char *arg);

#endif
