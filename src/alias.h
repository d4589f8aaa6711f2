/* alias.h: alias storage (XCU 2.3.1). The table lives in statics inside
 * alias.c (one shell per process); alias_get() is declared in shell.h
 * because the lexer calls it. */
#ifndef ALIAS_H
#define ALIAS_H
#include <stdbool.h>
#include <stddef.h>

struct shell;
struct strbuf;

struct alias {
	char *name;	/* heap */
	char *value;	/* heap */
};

/* True if `name` may be an alias name: XCU 3.10 allows alphanumerics, '_',
 * '!', '%', ',', '-', '@'; like bash and mksh we also accept other
 * characters except blanks, shell metacharacters, quotes, '$', '/' and '='. */
bool alias_valid_name(const char *name);
/* Defines or redefines `name` (copied). Returns 0, or -1 if the name is
 * not valid (no diagnostic: the caller words it). */
int alias_set(struct shell *sh, const char *name, const char *value);
/* Removes `name`. Returns 0, or -1 if there was no such alias. */
int alias_remove(struct shell *sh, const char *name);
/* Removes every alias (unalias -a). */
void alias_clear(struct shell *sh);
/* The aliases sorted by name (strcmp); *n gets the count. The array is owned
 * by alias.c and valid until the next alias_set/alias_remove/alias_clear. */
const struct alias *alias_list(struct shell *sh, size_t *n);
/* Appends `s` single-quoted for re-input: ' becomes '\''. */
void alias_quote(struct strbuf *out, const char *s);

#endif
