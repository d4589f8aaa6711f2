/* test.c: the test utility and its `[` form (XCU test). Up to four
 * arguments follow the standard's table exactly; more arguments go to a
 * precedence parser (! above the primaries, -a above -o, parentheses),
 * the usual reading that dash, bash and yash share. Extensions from
 * POSIX.1-2024 and dash/bash: -nt -ot -ef, == and the string orderings
 * < and > (strcoll, the locale's collation). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "biutil.h"
#include "../src/cond.h"
#include "shell.h"

/* An evaluation: the argument vector and the error state. Results are
 * 0 (true), 1 (false); `err` set means status 2 after a diagnostic. */
struct tst {
	struct shell *sh;
	const char *name;	/* "test" or "[" for messages */
	char **v;
	int n, i;		/* arguments, and the parser's position */
	bool err;
};

/* The binary primary `s` names, or -1. -a and -o count as binary
 * primaries only where the caller says so (three-argument form). The
 * operators are those of the table shared with [[ ]] (src/cond.c). */
static int
binop_of(const char *s, bool andor)
{
	int op = cond_op_find(s, COND_BINARY | COND_TEST);

	if (!andor && (op == COP_AND || op == COP_OR))
		return -1;
	return op;
}

/* The unary primary `s` names, or -1. */
static int
unop_of(const char *s)
{
	return cond_op_find(s, COND_UNARY | COND_TEST);
}

static bool
is_unop(const char *s)
{
	return unop_of(s) >= 0;
}

/* Parses an integer operand: optional blanks, sign, decimal digits,
 * optional blanks (dash and bash accept the blanks). */
static intmax_t
number(struct tst *t, const char *s)
{
	const char *p = s;
	char *end;
	intmax_t v = 0;

	/* most operands: a few plain digits */
	for (; *p >= '0' && *p <= '9' && p - s < 18; p++)
		v = v * 10 + (*p - '0');
	if (*p == '\0' && p > s)
		return v;
	p = s;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		p++;
	if (!isdigit((unsigned char)*p))
		goto bad;
	errno = 0;
	v = strtoimax(s, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0' || errno == ERANGE)
		goto bad;
	return v;
bad:
	if (!t->err)
		diag_error(t->sh, "%s: %s: integer expression expected", t->name, s);
	t->err = true;
	return 0;
}

/* The unary primary `op` applied to `arg`: true or false. */
static bool
unary(struct tst *t, const char *op, const char *arg)
{
	/* bash: -t with no number is false; posix mode: an error (dash) */
	if (strcmp(op, "-t") == 0 && t->sh->opt.posix) {
		intmax_t fd = number(t, arg);
		if (t->err)
			return false;
		(void)fd;
	}
	return cond_unary(t->sh, unop_of(op), arg);
}

/* The binary primary `op` applied to `l` and `r`. */
static bool
binary(struct tst *t, int op, const char *l, const char *r)
{
	if (cond_op_is_int(op)) {
		intmax_t a = number(t, l), b = number(t, r);
		return !t->err && cond_int_compare(op, a, b);
	}
	return cond_binary(t->sh, op, l, r);
}

static bool oexpr(struct tst *t);

/* Reports a syntax error once. */
static void
syntax(struct tst *t, const char *arg, const char *what)
{
	if (!t->err) {
		if (arg != NULL)
			diag_error(t->sh, "%s: %s: %s", t->name, arg, what);
		else
			diag_error(t->sh, "%s: %s", t->name, what);
	}
	t->err = true;
}

/* primary: ( oexpr ) | unary-op arg | arg binary-op arg | arg */
static bool
primary(struct tst *t)
{
	const char *a;
	int op;
	bool r;

	if (t->i >= t->n) {
		syntax(t, NULL, "argument expected");
		return false;
	}
	a = t->v[t->i];
	if (t->i + 2 < t->n && (op = binop_of(t->v[t->i + 1], false)) >= 0) {
		r = binary(t, op, a, t->v[t->i + 2]);
		t->i += 3;
		return r;
	}
	if (is_unop(a) && t->i + 1 < t->n) {
		r = unary(t, a, t->v[t->i + 1]);
		t->i += 2;
		return r;
	}
	if (strcmp(a, "(") == 0 && t->i + 1 < t->n) {
		t->i++;
		r = oexpr(t);
		if (t->i >= t->n || strcmp(t->v[t->i], ")") != 0)
			syntax(t, NULL, "closing paren expected");
		t->i++;
		return r;
	}
	t->i++;
	return *a != '\0';
}

/* nexpr: ! nexpr | primary */
static bool
nexpr(struct tst *t)
{
	if (t->i + 1 < t->n && strcmp(t->v[t->i], "!") == 0) {
		t->i++;
		return !nexpr(t);
	}
	return primary(t);
}

/* aexpr: nexpr [-a aexpr] (-a binds tighter than -o) */
static bool
aexpr(struct tst *t)
{
	bool r = nexpr(t);

	while (!t->err && t->i < t->n && strcmp(t->v[t->i], "-a") == 0) {
		t->i++;
		r = nexpr(t) && r;
	}
	return r;
}

/* oexpr: aexpr [-o oexpr] */
static bool
oexpr(struct tst *t)
{
	bool r = aexpr(t);

	while (!t->err && t->i < t->n && strcmp(t->v[t->i], "-o") == 0) {
		t->i++;
		r = aexpr(t) || r;
	}
	return r;
}

/* The general parser over v[0..n), for the cases the table leaves open. */
static bool
parse_all(struct tst *t, char **v, int n)
{
	bool r;

	t->v = v;
	t->n = n;
	t->i = 0;
	r = oexpr(t);
	if (!t->err && t->i < t->n)
		syntax(t, t->v[t->i], "unexpected operator");
	return r;
}

/* XCU test, "the algorithm for determining the precedence of the
 * operators and the return value": 0 to 4 arguments. */
static bool
eval(struct tst *t, char **v, int n)
{
	int op;

	switch (n) {
	case 0:
		return false;
	case 1:
		return *v[0] != '\0';
	case 2:
		if (strcmp(v[0], "!") == 0)
			return !eval(t, v + 1, 1);
		if (is_unop(v[0]))
			return unary(t, v[0], v[1]);
		/* bash outside posix mode: -a FILE (as -e) and -o OPTION, as
		 * in [[ ]], when they cannot be the binary -a and -o */
		if (!t->sh->opt.posix && (strcmp(v[0], "-a") == 0 || strcmp(v[0], "-o") == 0))
			return cond_unary(t->sh, cond_op_find(v[0], COND_UNARY | COND_DBRACK), v[1]);
		syntax(t, v[0], "unary operator expected");
		return false;
	case 3:
		if ((op = binop_of(v[1], true)) >= 0)
			return binary(t, op, v[0], v[2]);
		if (strcmp(v[0], "!") == 0)
			return !eval(t, v + 1, 2);
		if (strcmp(v[0], "(") == 0 && strcmp(v[2], ")") == 0)
			return eval(t, v + 1, 1);
		if (!is_unop(v[0]) && strcmp(v[0], "(") != 0) {
			/* "a -foo b": name the operator, as bash and yash do */
			syntax(t, v[1], "binary operator expected");
			return false;
		}
		return parse_all(t, v, n);
	case 4:
		if (strcmp(v[0], "!") == 0)
			return !eval(t, v + 1, 3);
		if (strcmp(v[0], "(") == 0 && strcmp(v[3], ")") == 0)
			return eval(t, v + 1, 2);
		return parse_all(t, v, n);
	default:
		return parse_all(t, v, n);
	}
}

/* test expression / [ expression ]: 0 true, 1 false, 2 error. */
int
bi_test(struct shell *sh, int argc, char **argv)
{
	struct tst t = { .sh = sh, .name = argv[0] };
	bool r;

	if (strcmp(argv[0], "[") == 0) {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
			diag_error(sh, "[: missing ]");
			return 2;
		}
		argc--;
	}
	r = eval(&t, argv + 1, argc - 1);
	return t.err ? 2 : r ? 0 : 1;
}
