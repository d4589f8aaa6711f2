/* xstate.h: the word expander's private interface, shared by expand.c
 * (the walk over a word's parts, fields, splitting) and xparam.c (the
 * parameter expansions of XCU 2.6.2). */
#ifndef SPSH_XSTATE_H
#define SPSH_XSTATE_H

#include "cond.h"
#include "shell.h"

enum xmode {
	X_FIELDS,	/* split and glob: command words, for lists */
	X_STR,		/* one string: assignments, redirections, here-docs */
	X_PATTERN,	/* one pattern string: case, ${p#w} */
	X_REPL,		/* the replacement of ${p/x/r}: like X_STR, with
			 * quoted & and \ backslash-escaped (patsub_replacement) */
	X_REGEX,	/* one ERE: the right side of [[ =~ ]] */
};

struct xstate {
	struct shell *sh;
	enum xmode mode;
	struct strbuf cur, pat;
	bool started;		/* the current field exists (maybe empty) */
	bool ws_seen;		/* IFS white space just ended a field, so a
				 * following non-white IFS character belongs
				 * to the same delimiter */
	bool magic;		/* an unquoted * ? [ is in the field */
	int in_arg;		/* inside the word of ${p-w}: its literals split */
	bool decl;		/* a name=value argument of export/readonly/local */
	bool asg;		/* the value of an assignment: tilde after ':' */
	struct cond_rebr br;	/* X_REGEX: bracket expression state */
	const char *ifs;	/* xs_ifs() */
	bool ifs_read;
	char **fields;
	size_t n, cap;
	int err;
};

/* The current field: text whose quoted characters are kept literal. */
void xs_add_text(struct xstate *x, const char *s, size_t len, bool quoted);
/* The result of an expansion: split on IFS unless quoted. */
void xs_add_result(struct xstate *x, const char *s, size_t len, bool quoted);
void xs_push_field(struct xstate *x);
const char *xs_ifs(struct xstate *x);
void xs_expand_parts(struct xstate *x, struct wpart *p, bool quoted);
void xs_expand_word(struct xstate *x, struct word *w, bool in_assign);
char *xs_word_to_str(struct shell *sh, struct word *w, enum xmode mode, bool in_assign);
void xs_expand_param(struct xstate *x, struct wpart *p, bool quoted);

#endif
