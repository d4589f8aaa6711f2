/* declare.h: the declare -p form of a variable (declare.c), shared with
 * `set` and `readonly -p`/`export -p` for arrays. */
#ifndef DECLARE_H
#define DECLARE_H
#include <stdbool.h>
#include <stdio.h>

struct var;

/* Writes the value part after "name=": "..." or $'...' for a scalar,
 * ([k]="v" ...) for an array. */
void declare_print_value(FILE *f, const struct var *v);
/* Writes s as $'...' if it has control characters (bash's listings) and
 * returns true; else writes nothing and returns false. */
bool declare_print_ansi(FILE *f, const char *s);
/* Writes "declare -FLAGS name[=value]\n". */
void declare_print(FILE *f, const struct var *v);

#endif
