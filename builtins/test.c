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

enum binop {
	B_NONE, B_SEQ, B_SNE, B_SLT, B_SGT, B_EQ, B_NE, B_GT, B_GE, B_LT, B_LE,
	B_NT, B_OT, B_EF, B_AND, B_OR,
};

static const struct {
	const char *s;
	enum binop op;
} binops[] = {
	{ "=", B_SEQ }, { "==", B_SEQ }, { "!=", B_SNE }, { "<", B_SLT },
	{ ">", B_SGT }, { "-eq", B_EQ }, { "-ne", B_NE }, { "-gt", B_GT },
	{ "-ge", B_GE }, { "-lt", B_LT }, { "-le", B_LE }, { "-nt", B_NT },
	{ "-ot", B_OT }, { "-ef", B_EF }, { "-a", B_AND }, { "-o", B_OR },
};

/* The binary primary `s` names, or B_NONE. -a and -o count as binary
 * primaries only where the caller says so (three-argument form). */
static enum binop
binop_of(const char *s, bool andor)
{
	size_t i;

	for (i = 0; i < sizeof binops / sizeof binops[0]; i++)
		if (strcmp(s, binops[i].s) == 0) {
			if (!andor && (binops[i].op == B_AND || binops[i].op == B_OR))
				return B_NONE;
			return binops[i].op;
		}
	return B_NONE;
}

/* True if `s` is one of the unary primaries. */
static bool
is_unop(const char *s)
{
	return s[0] == '-' && s[1] != '\0' && s[2] == '\0' &&
	    strchr("bcdefghLnprSstuwxz", s[1]) != NULL;
}

/* Parses an integer operand: optional blanks, sign, decimal digits,
 * optional blanks (dash and bash accept the blanks). */
static intmax_t
number(struct tst *t, const char *s)
{
	const char *p = s;
	char *end;
	intmax_t v;

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
	struct stat st;
	char c = op[1];

	switch (c) {
	case 'n':
		return *arg != '\0';
	case 'z':
		return *arg == '\0';
	case 't': {
		intmax_t fd = number(t, arg);

		return !t->err && fd >= 0 && fd <= INT32_MAX && isatty((int)fd);
	}
	case 'r':
		return faccessat(AT_FDCWD, arg, R_OK, AT_EACCESS) == 0;
	case 'w':
		return faccessat(AT_FDCWD, arg, W_OK, AT_EACCESS) == 0;
	case 'x':
		return faccessat(AT_FDCWD, arg, X_OK, AT_EACCESS) == 0;
	case 'h':
	case 'L':
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	default:
		break;
	}
	if (stat(arg, &st) != 0)
		return false;
	switch (c) {
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'e': return true;
	case 'f': return S_ISREG(st.st_mode);
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'u': return (st.st_mode & S_ISUID) != 0;
	default: return false;
	}
}

/* True if the modification time of `a` is later than that of `b`. */
static bool
newer(const struct stat *a, const struct stat *b)
{
	if (a->st_mtim.tv_sec != b->st_mtim.tv_sec)
		return a->st_mtim.tv_sec > b->st_mtim.tv_sec;
	return a->st_mtim.tv_nsec > b->st_mtim.tv_nsec;
}

/* The binary primary `op` applied to `l` and `r`. */
static bool
binary(struct tst *t, enum binop op, const char *l, const char *r)
{
	struct stat a, b;
	bool ha, hb;

	switch (op) {
	case B_NONE: return false;
	case B_SEQ: return strcmp(l, r) == 0;
	case B_SNE: return strcmp(l, r) != 0;
	case B_SLT: shell_locale(); return strcoll(l, r) < 0;
	case B_SGT: shell_locale(); return strcoll(l, r) > 0;
	case B_EQ: return number(t, l) == number(t, r);
	case B_NE: return number(t, l) != number(t, r);
	case B_GT: return number(t, l) > number(t, r);
	case B_GE: return number(t, l) >= number(t, r);
	case B_LT: return number(t, l) < number(t, r);
	case B_LE: return number(t, l) <= number(t, r);
	case B_AND: return *l != '\0' && *r != '\0';
	case B_OR: return *l != '\0' || *r != '\0';
	case B_NT:
	case B_OT:
	case B_EF:
		break;
	}
	ha = stat(l, &a) == 0;
	hb = stat(r, &b) == 0;
	switch (op) {
	case B_NT:
		/* POSIX.1-2024: also true when only the left one exists */
		return ha && (!hb || newer(&a, &b));
	case B_OT:
		return hb && (!ha || newer(&b, &a));
	case B_EF:
		return ha && hb && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	case B_NONE: case B_SEQ: case B_SNE: case B_SLT: case B_SGT: case B_EQ:
	case B_NE: case B_GT: case B_GE: case B_LT: case B_LE: case B_AND:
	case B_OR:
		break;
	}
	return false;
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
	enum binop op;
	bool r;

	if (t->i >= t->n) {
		syntax(t, NULL, "argument expected");
		return false;
	}
	a = t->v[t->i];
	if (t->i + 2 < t->n && (op = binop_of(t->v[t->i + 1], false)) != B_NONE) {
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
	enum binop op;

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
		syntax(t, v[0], "unary operator expected");
		return false;
	case 3:
		if ((op = binop_of(v[1], true)) != B_NONE)
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
