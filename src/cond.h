/* cond.h: the operators of `test`/`[` and `[[ ]]`, one table for both
 * (cond.c), and the operations they name. */
#ifndef COND_H
#define COND_H
#include <stdbool.h>
#include <stdint.h>

struct shell;

/* Unary operators are their letter ('f' for -f); binary ones follow. */
enum cond_op {
	COP_SEQ = 256,	/* = ==   ([[ ]]: pattern match) */
	COP_SNE,	/* !=     ([[ ]]: pattern does not match) */
	COP_REGEX,	/* =~     ([[ ]] only) */
	COP_SLT,	/* <      (strcoll) */
	COP_SGT,	/* >      */
	COP_EQ, COP_NE, COP_LT, COP_LE, COP_GT, COP_GE,	/* -eq ... integers */
	COP_NT, COP_OT, COP_EF,	/* files */
	COP_AND, COP_OR,	/* -a -o  (test only) */
};

/* Flags of a table entry, and of a lookup: what kind, and who asks. */
enum {
	COND_UNARY = 1,
	COND_BINARY = 2,
	COND_TEST = 4,		/* the test builtin */
	COND_DBRACK = 8,	/* [[ ]] */
};

/* Where the expander is in a bracket expression of an =~ operand. */
struct cond_rebr {
	char br, brclass;
};
/* True if the ERE character `c` (quoted: it came from quotes) needs a
 * backslash before it (cond.c). */
bool cond_regex_escape(struct cond_rebr *st, char c, bool quoted);

/* The operator spelled `s` with kind and user in `flags` (one of each),
 * or -1. */
int cond_op_find(const char *s, unsigned flags);
/* True for -eq -ne -lt -le -gt -ge. */
bool cond_op_is_int(int op);
/* A unary operator applied to `arg` (for -t, a valid fd number). */
bool cond_unary(struct shell *sh, int op, const char *arg);
/* A binary operator other than the integer ones and =~; = == != compare
 * strings exactly here (the pattern match of [[ ]] is its own). */
bool cond_binary(struct shell *sh, int op, const char *l, const char *r);
bool cond_int_compare(int op, intmax_t a, intmax_t b);

#endif
