/* arith.c: arithmetic expansion, XCU 2.6.4.
 *
 * A recursive-descent evaluator over the C operator set the standard lists,
 * lowest precedence first:
 *
 *	,			(comma, an extension every shell has)
 *	= *= /= %= += -= <<= >>= &= ^= |=	(right to left)
 *	?:			(right to left)
 *	||  &&  |  ^  &  == !=  < <= > >=  << >>  + -  * / %
 *	**			(right to left; bash)
 *	unary + - ~ ! ++ --	(++ and -- are extensions, as in bash/ksh)
 *	postfix ++ --
 *	constant, variable, NAME[subscript], ( expression )
 *
 * Constants: decimal, 0 octal, 0x hexadecimal, and bash's base#digits for
 * bases 2 to 64 (digits 0-9 a-z A-Z @ _; below 37 letters of either case
 * are 10-35). A variable operand may be an array element a[i] (the index
 * evaluated as an expression; an associative array's key taken as text).
 *
 * Values are signed long. Every operation that could overflow is done in
 * unsigned long so it wraps instead of being undefined; / and % reject 0 and
 * define LONG_MIN / -1 as LONG_MIN (bash does the same, dash crashes).
 *
 * Evaluation happens while parsing. The unevaluated operand of && || and ?:
 * is still parsed (so syntax errors are found) but with `noeval` raised:
 * no assignment, no variable lookup, no division error. */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "numfmt.h"
#include "shell.h"

/* A variable whose value is itself an expression is evaluated recursively;
 * `a=b b=a; $((a))` must give an error, not blow the C stack. */
#define ARITH_MAX_DEPTH 1024	/* bash: MAX_EXPR_RECURSION_LEVEL */
/* Nesting of parentheses, unary operators and assignments, for the same
 * reason: each level is a C stack frame or two. */
#define ARITH_MAX_NEST 1000

enum tok {
	T_END,
	T_NUM,
	T_NAME,
	T_LPAREN, T_RPAREN,
	T_COMMA,
	T_QUEST, T_COLON,
	T_OROR, T_ANDAND,
	T_OR, T_XOR, T_AND,
	T_EQ, T_NE,
	T_LT, T_LE, T_GT, T_GE,
	T_SHL, T_SHR,
	T_PLUS, T_MINUS,
	T_MUL, T_DIV, T_MOD,
	T_POW,
	T_NOT, T_TILDE,
	T_INC, T_DEC,
	T_ASSIGN,
	T_MULEQ, T_DIVEQ, T_MODEQ, T_PLUSEQ, T_MINUSEQ,
	T_SHLEQ, T_SHREQ, T_ANDEQ, T_XOREQ, T_OREQ,
};

/* Operator spellings grouped by their first byte, longest first in each
 * group so that the first prefix match wins. */
static const struct {
	const char *s;
	enum tok t;
} ops[] = {
	{ "<<=", T_SHLEQ }, { "<<", T_SHL }, { "<=", T_LE }, { "<", T_LT },
	{ ">>=", T_SHREQ }, { ">>", T_SHR }, { ">=", T_GE }, { ">", T_GT },
	{ "||", T_OROR }, { "|=", T_OREQ }, { "|", T_OR },
	{ "&&", T_ANDAND }, { "&=", T_ANDEQ }, { "&", T_AND },
	{ "==", T_EQ }, { "=", T_ASSIGN }, { "!=", T_NE }, { "!", T_NOT },
	{ "++", T_INC }, { "+=", T_PLUSEQ }, { "+", T_PLUS },
	{ "--", T_DEC }, { "-=", T_MINUSEQ }, { "-", T_MINUS },
	{ "**", T_POW }, { "*=", T_MULEQ }, { "*", T_MUL },
	{ "/=", T_DIVEQ }, { "/", T_DIV }, { "%=", T_MODEQ }, { "%", T_MOD },
	{ "^=", T_XOREQ }, { "^", T_XOR },
	{ "(", T_LPAREN }, { ")", T_RPAREN }, { ",", T_COMMA },
	{ "?", T_QUEST }, { ":", T_COLON }, { "~", T_TILDE },
};
enum { NOPS = sizeof ops / sizeof ops[0] };

/* 1 + the index in ops of the group of each first byte, 0 for none. */
static unsigned char op_group[256];

static void
index_ops(void)
{
	for (size_t i = NOPS; i-- > 0;)
		op_group[(unsigned char)ops[i].s[0]] = (unsigned char)(i + 1);
}

/* A parsed operand. `name` is set when the operand is a plain variable and
 * can therefore be assigned to (an lvalue). */
struct val {
	long v;
	const char *name;	/* points into the expression text */
	size_t namelen;
};

struct parser {
	struct shell *sh;
	const char *expr;	/* whole text, for messages */
	const char *pos;	/* just after the current token */
	const char *tokstart;	/* start of the current token */
	const char *lasttp;	/* start of the last token that was not the end
				 * (bash's "error token" runs from it to the end) */
	enum tok tok;
	long num;		/* T_NUM */
	const char *name;	/* T_NAME */
	size_t namelen;
	int noeval;		/* > 0 inside an unevaluated operand */
	int depth;		/* variable recursion depth */
	int nest;		/* syntactic nesting, see ARITH_MAX_NEST */
	bool err;		/* a diagnostic has been printed */
};

static int eval_depth(struct shell *sh, const char *expr, long *result, int depth);
static bool stack_low(void);
static struct val comma(struct parser *p);

/* Reports an error once, in bash's words outside posix mode: "[WHO: ]EXPR:
 * WHAT (error token is "REST")", WHO "let", "((" or "[[" (none in an
 * expansion), REST the expression from the last token read. Posix mode:
 * "arithmetic: POSIX", or the quoted expression after a syntax error. */
static void
arith_error(struct parser *p, const char *what, const char *posix)
{
	const char *e = p->expr, *who = p->sh->arith_who;

	if (p->err)
		return;
	p->err = true;
	if (p->sh->opt.posix) {
		if (posix == NULL)
			diag_error(p->sh, "arithmetic: syntax error: '%s'", p->expr);
		else
			diag_error(p->sh, "arithmetic: %s", posix);
		return;
	}
	while (*e == ' ' || (*e >= '\t' && *e <= '\r'))
		e++;
	diag_error(p->sh, "%s%s%s: %s (error token is \"%s\")", who ? who : "", who ? ": " : "",
	    e, what, p->lasttp != NULL ? p->lasttp : "");
}

#define syntax_error(p, what) arith_error((p), (what), NULL)

/* ASCII classes spelled out: the <ctype.h> calls cost more than the rest
 * of reading a token, and the classes are the C locale's anyway. */
static inline bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_blank(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');	/* isspace in C */
}

static inline bool
is_name_start(int c)
{
	return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static inline bool
is_name_char(int c)
{
	return is_name_start(c) || is_digit(c);
}

/* The value of digit `c` in base#digits, or -1 (bash: 0-9 a-z A-Z @ _,
 * with letters of either case 10-35 in bases up to 36). */
static int
base_digit(int c, unsigned base)
{
	if (isdigit(c))
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + (base <= 36 ? 10 : 36);
	if (c == '@')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/* Parses an integer constant at *sp: decimal, octal with a leading 0,
 * hexadecimal with 0x/0X (XCU 2.6.4 refers to the ISO C constant forms),
 * base#digits. Constants too large wrap, as in bash. Returns false if the
 * constant is malformed, with *why set to a message or NULL for a syntax
 * error (a digit out of its base, or letters glued to it). */
static bool
parse_number_why(const char **sp, long *out, const char **why, bool posix)
{
	const char *s = *sp;
	unsigned long v = 0;
	unsigned base = 10;

	*why = NULL;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		/* a bare 0x is 0 in bash; ISO C (and dash) want a digit */
		if (!isxdigit((unsigned char)*s) &&
		    (posix || isalnum((unsigned char)*s) || *s == '_'))
			return false;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (;; s++) {
		int c = (unsigned char)*s;
		unsigned d;

		if (is_digit(c))
			d = (unsigned)(c - '0');
		else if (base == 16 && isxdigit(c))
			d = (unsigned)(tolower(c) - 'a' + 10);
		else
			break;
		if (d >= base)
			return false;
		v = v * base + d;
	}
	if (*s == '#' && base == 10) {
		/* bash's base#digits */
		int d;
		if (v < 2 || v > 64) {
			*why = "invalid arithmetic base";
			return false;
		}
		base = (unsigned)v;
		v = 0;
		s++;
		if (base_digit((unsigned char)*s, base) < 0) {
			*why = "invalid integer constant";
			return false;
		}
		for (; (d = base_digit((unsigned char)*s, base)) >= 0; s++) {
			if ((unsigned)d >= base) {
				*why = "value too great for base";
				return false;
			}
			v = v * base + (unsigned)d;
		}
	}
	if (is_name_char((unsigned char)*s))
		return false;
	*sp = s;
	*out = (long)v;	/* implementation-defined, not undefined: two's complement */
	return true;
}

static bool
parse_number(const char **sp, long *out)
{
	const char *why;

	return parse_number_why(sp, out, &why, true);	/* posix mode's check */
}

/* True if `s` is an integer constant with optional blanks around it and an
 * optional sign (what posix mode accepts as a variable's value, as dash):
 * *out is its value. */
static bool
is_constant(const char *s, long *out)
{
	int neg = 0;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!isdigit((unsigned char)*s) || !parse_number(&s, out))
		return false;
	while (isspace((unsigned char)*s))
		s++;
	if (*s != '\0')
		return false;
	if (neg)
		*out = (long)(0UL - (unsigned long)*out);
	return true;
}

/* Reads the next token into p->tok. */
static void
next(struct parser *p)
{
	const char *s = p->pos;

	while (is_blank((unsigned char)*s))
		s++;
	p->tokstart = s;
	if (*s != '\0')
		p->lasttp = s;
	if (*s == '\0') {
		p->tok = T_END;
		p->pos = s;
		return;
	}
	if (is_digit((unsigned char)*s)) {
		const char *why;
		if (!parse_number_why(&s, &p->num, &why, p->sh->opt.posix)) {
			if (why != NULL && p->sh->opt.posix && !p->err) {
				p->err = true;
				diag_error(p->sh, "arithmetic: %s: '%s'", why, p->expr);
			}
			/* a digit out of its base or letters after the
			 * digits: bash's words for both */
			syntax_error(p, why != NULL ? why : "value too great for base");
			p->tok = T_END;
			p->pos = p->tokstart;
			return;
		}
		p->tok = T_NUM;
		p->pos = s;
		return;
	}
	if (is_name_start((unsigned char)*s)) {
		p->name = s;
		while (is_name_char((unsigned char)*s))
			s++;
		if (*s == '[') {
			/* an array element: the subscript is part of the lvalue */
			int level = 0;
			const char *e = s;
			for (; *e != '\0'; e++) {
				if (*e == '[')
					level++;
				else if (*e == ']' && --level == 0)
					break;
			}
			if (*e == '\0') {
				syntax_error(p, "bad array subscript");
				p->tok = T_END;
				p->pos = e;
				return;
			}
			s = e + 1;
		}
		p->namelen = (size_t)(s - p->name);
		p->tok = T_NAME;
		p->pos = s;
		return;
	}
	if (op_group['+'] == 0)
		index_ops();
	size_t i = op_group[(unsigned char)*s];
	for (i = i > 0 ? i - 1 : NOPS; i < NOPS && ops[i].s[0] == *s; i++) {
		size_t n = 1;

		while (ops[i].s[n] != '\0' && ops[i].s[n] == s[n])
			n++;
		if (ops[i].s[n] == '\0') {
			p->tok = ops[i].t;
			p->pos = s + n;
			return;
		}
	}
	/* an unknown character: bash's words depend on where it stands */
	syntax_error(p, p->tok == T_NUM || p->tok == T_NAME || p->tok == T_RPAREN ?
	    "syntax error: invalid arithmetic operator" : "syntax error: operand expected");
	p->tok = T_END;
	p->pos = s;
}

/* Re-reads a `++` or `--` token as a single `+` or `-`: `1++2` is 1 + +2,
 * as in dash and bash. */
static void
split_incdec(struct parser *p)
{
	p->tok = p->tok == T_INC ? T_PLUS : T_MINUS;
	p->pos = p->tokstart + 1;
}

/* True if the next non-blank text after the current token starts a name. */
static bool
name_follows(const struct parser *p)
{
	const char *s = p->pos;

	while (is_blank((unsigned char)*s))
		s++;
	return is_name_start((unsigned char)*s);
}

/* Copies a variable name out of the expression into a NUL-terminated
 * string: `buf` if it fits, else malloc (the caller frees if != buf). */
static char *
name_str(const struct val *lv, char *buf, size_t bufsz)
{
	char *s = lv->namelen < bufsz ? buf : malloc(lv->namelen + 1);

	if (s == NULL)
		return NULL;
	memcpy(s, lv->name, lv->namelen);
	s[lv->namelen] = '\0';
	return s;
}

/* True if `s` is a decimal constant without sign, leading zero (octal) or
 * blanks, short enough not to overflow: then *out is its value, the same
 * the full parser would give. */
static bool
plain_decimal(const char *s, long *out)
{
	long v = 0;
	size_t i;

	if (s[0] == '0' && s[1] == '\0') {
		*out = 0;
		return true;
	}
	if (s[0] < '1' || s[0] > '9')
		return false;
	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++) {
		if (i == 18)
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (s[i] != '\0')
		return false;
	*out = v;
	return true;
}

/* Splits "a[sub]" (modified in place) into the name and the subscript;
 * false for a plain name. */
static bool
split_elem(char *name, char **sub)
{
	char *br = strchr(name, '[');

	if (br == NULL)
		return false;
	*br = '\0';
	name[strlen(br + 1) + (size_t)(br + 1 - name) - 1] = '\0';	/* the ] */
	*sub = br + 1;
	return true;
}

/* The index of an indexed array's element: the subscript is an expression. */
static bool
elem_index(struct parser *p, const char *sub, long *idx)
{
	if (eval_depth(p->sh, sub, idx, p->depth + 1) != 0) {
		p->err = true;
		return false;
	}
	return true;
}

/* The value of an lvalue operand (a name, or a[sub]), NULL if unset. */
static const char *
lv_get(struct parser *p, char *name)
{
	char *sub;
	long idx;
	bool bad;

	if (!split_elem(name, &sub))
		return var_get(p->sh, name);
	struct var *v = var_lookup(p->sh, name);
	if (v != NULL && (v->flags & VAR_ASSOC))
		return var_assoc_get(v, sub);
	if (!elem_index(p, sub, &idx) || v == NULL)
		return NULL;
	const char *r = var_elem_get(p->sh, v, idx, &bad);
	if (bad)	/* bash: reported, the value is 0 and evaluation goes on */
		diag_error(p->sh, "%s: bad array subscript", name);
	return r;
}

/* Assigns an lvalue; 0, or -1 after a diagnostic. */
static int
lv_set(struct parser *p, char *name, const char *num)
{
	char *sub;
	long idx;

	if (!split_elem(name, &sub))
		return var_set(p->sh, name, num, 0);
	struct var *v = var_declare(p->sh, name);
	if (v->flags & VAR_ASSOC)
		return var_assoc_set(p->sh, v, sub, num, false);
	if (!elem_index(p, sub, &idx))
		return -1;
	return var_elem_set(p->sh, v, idx, num, false);
}

/* The value of variable `lv`: unset or empty is 0 (unset is an error under
 * set -u, as in bash and yash); anything else is itself evaluated as an
 * expression (bash, ksh). POSIX requires only that an integer constant,
 * with an optional sign, work: in posix mode any other value is an error
 * (dash, yash: `s=foo; $((s+5))`). */
static long
get_var(struct parser *p, const struct val *lv)
{
	char buf[64];
	char *name;
	const char *val;
	long r = 0;

	if (p->noeval || p->err)
		return 0;
	if ((name = name_str(lv, buf, sizeof buf)) == NULL) {
		p->err = true;
		diag_error(p->sh, "arithmetic: out of memory");
		return 0;
	}
	val = lv_get(p, name);
	if (val == NULL && p->sh->opt.nounset) {
		p->err = true;
		p->sh->arith_unset = true;
		diag_error(p->sh, "%s: %s", name,
		    p->sh->opt.posix ? "parameter not set" : "unbound variable");
	} else if (val != NULL && plain_decimal(val, &r)) {
		/* the usual case, i=$((i+1)): no nested parse */
	} else if (val != NULL && *val != '\0' && p->sh->opt.posix && !is_constant(val, &r)) {
		p->err = true;
		diag_error(p->sh, "arithmetic: %s: not a valid number", val);
	} else if (val != NULL && *val != '\0' && p->sh->opt.posix) {
		/* a constant: r is set */
	} else if (val != NULL && *val != '\0') {
		if (p->depth + 1 >= ARITH_MAX_DEPTH || stack_low()) {
			p->err = true;
			diag_error(p->sh, "arithmetic: %s: expression recursion level exceeded", name);
		} else if (eval_depth(p->sh, val, &r, p->depth + 1) != 0) {
			p->err = true;	/* the inner call printed the message */
		}
	}
	if (name != buf)
		free(name);
	return r;
}

/* Assigns `v` to variable `lv` in decimal. Returns v. */
static long
set_var(struct parser *p, const struct val *lv, long v)
{
	char buf[64], num[32];
	char *name;

	if (p->noeval || p->err)
		return v;
	if ((name = name_str(lv, buf, sizeof buf)) == NULL) {
		p->err = true;
		diag_error(p->sh, "arithmetic: out of memory");
		return v;
	}
	if (lv_set(p, name, fmt_long(v, num + sizeof num)) != 0)
		p->err = true;	/* "spsh: NAME: is read only" already printed */
	if (name != buf)
		free(name);
	return v;
}

/* Applies binary operator `t` to a and b with wrap-around semantics.
 * Division by zero is an error only when the operand is evaluated. */
static long
binop(struct parser *p, enum tok t, long a, long b)
{
	unsigned long ua = (unsigned long)a, ub = (unsigned long)b;
	unsigned sh = (unsigned)(ub & (sizeof(long) * CHAR_BIT - 1));

	switch (t) {
	case T_MUL: case T_MULEQ:
		return (long)(ua * ub);
	case T_DIV: case T_DIVEQ:
	case T_MOD: case T_MODEQ:
		if (b == 0) {
			if (!p->noeval && !p->err) {
				arith_error(p, "division by 0", "division by zero");
			}
			return 0;
		}
		if (a == LONG_MIN && b == -1)	/* the one quotient that overflows */
			return (t == T_DIV || t == T_DIVEQ) ? LONG_MIN : 0;
		return (t == T_DIV || t == T_DIVEQ) ? a / b : a % b;
	case T_POW: {
		/* by squaring, wrapping on overflow as bash does */
		unsigned long r = 1;
		if (b < 0) {
			if (!p->noeval && !p->err) {
				arith_error(p, "exponent less than 0", "exponent less than 0");
			}
			return 0;
		}
		for (; ub != 0; ub >>= 1, ua *= ua)
			if (ub & 1)
				r *= ua;
		return (long)r;
	}
	case T_PLUS: case T_PLUSEQ:
		return (long)(ua + ub);
	case T_MINUS: case T_MINUSEQ:
		return (long)(ua - ub);
	case T_SHL: case T_SHLEQ:
		return (long)(ua << sh);
	case T_SHR: case T_SHREQ:
		/* arithmetic shift, spelled so as not to rely on >> of a negative */
		return a < 0 ? (long)~(~ua >> sh) : (long)(ua >> sh);
	case T_LT: return a < b;
	case T_LE: return a <= b;
	case T_GT: return a > b;
	case T_GE: return a >= b;
	case T_EQ: return a == b;
	case T_NE: return a != b;
	case T_AND: case T_ANDEQ:
		return a & b;
	case T_XOR: case T_XOREQ:
		return a ^ b;
	case T_OR: case T_OREQ:
		return a | b;
	case T_END: case T_NUM: case T_NAME: case T_LPAREN: case T_RPAREN:
	case T_COMMA: case T_QUEST: case T_COLON: case T_OROR: case T_ANDAND:
	case T_NOT: case T_TILDE: case T_INC: case T_DEC: case T_ASSIGN:
		break;
	}
	return 0;	/* not a binary operator: callers never pass one */
}

static struct val
rvalue(long v)
{
	struct val r = { v, NULL, 0 };

	return r;
}

/* Binding power of binary operator `t` (higher binds tighter), or 0 if `t`
 * is not one of the left-associative binary operators handled by binary(). */
static int
prec(enum tok t)
{
	switch (t) {
	case T_OROR: return 1;
	case T_ANDAND: return 2;
	case T_OR: return 3;
	case T_XOR: return 4;
	case T_AND: return 5;
	case T_EQ: case T_NE: return 6;
	case T_LT: case T_LE: case T_GT: case T_GE: return 7;
	case T_SHL: case T_SHR: return 8;
	case T_PLUS: case T_MINUS: case T_INC: case T_DEC: return 9;
	case T_MUL: case T_DIV: case T_MOD: return 10;
	case T_POW: return 11;
	case T_END: case T_NUM: case T_NAME: case T_LPAREN: case T_RPAREN:
	case T_COMMA: case T_QUEST: case T_COLON: case T_NOT: case T_TILDE:
	case T_ASSIGN: case T_MULEQ: case T_DIVEQ: case T_MODEQ: case T_PLUSEQ:
	case T_MINUSEQ: case T_SHLEQ: case T_SHREQ: case T_ANDEQ: case T_XOREQ:
	case T_OREQ:
		break;
	}
	return 0;
}

static struct val unary(struct parser *p);

/* postfix: primary [ ++ | -- ]. A `++` after a variable increments it
 * (bash, ksh); after anything else it is read as binary + then unary +. */
static struct val
postfix(struct parser *p)
{
	struct val r;

	switch (p->tok) {
	case T_NUM:
		r = rvalue(p->num);
		next(p);
		return r;
	case T_NAME:
		r.name = p->name;
		r.namelen = p->namelen;
		r.v = 0;
		next(p);
		/* `x = 3` must not evaluate the old value of x, which may be
		 * anything (x='a b'); every other use reads it. */
		if (p->tok != T_ASSIGN)
			r.v = get_var(p, &r);
		if (p->tok == T_INC || p->tok == T_DEC) {
			long old = r.v;

			set_var(p, &r, binop(p, p->tok == T_INC ? T_PLUS : T_MINUS, old, 1));
			next(p);
			return rvalue(old);
		}
		return r;
	case T_LPAREN:
		next(p);
		r = comma(p);
		if (p->tok != T_RPAREN) {
			syntax_error(p, "missing `)'");
			return rvalue(0);
		}
		next(p);
		return rvalue(r.v);
	case T_END: case T_RPAREN: case T_COMMA: case T_QUEST: case T_COLON:
	case T_OROR: case T_ANDAND: case T_OR: case T_XOR: case T_AND: case T_EQ:
	case T_NE: case T_LT: case T_LE: case T_GT: case T_GE: case T_SHL:
	case T_SHR: case T_PLUS: case T_MINUS: case T_MUL: case T_DIV: case T_MOD: case T_POW:
	case T_NOT: case T_TILDE: case T_INC: case T_DEC: case T_ASSIGN:
	case T_MULEQ: case T_DIVEQ: case T_MODEQ: case T_PLUSEQ: case T_MINUSEQ:
	case T_SHLEQ: case T_SHREQ: case T_ANDEQ: case T_XOREQ: case T_OREQ:
		break;
	}
	syntax_error(p, "syntax error: operand expected");
	return rvalue(0);
}

/* Enters one level of syntactic nesting; false (after a diagnostic) when
 * there are too many. Each successful call is paired with p->nest--. */
static bool
nest_enter(struct parser *p)
{
	if (p->nest >= ARITH_MAX_NEST) {
		if (!p->err)
			diag_error(p->sh, "arithmetic: expression nested too deeply");
		p->err = true;
		return false;
	}
	p->nest++;
	return true;
}

static struct val unary1(struct parser *p);

/* unary, with its nesting counted. */
static struct val
unary(struct parser *p)
{
	struct val r;

	if (!nest_enter(p))
		return rvalue(0);
	r = unary1(p);
	p->nest--;
	return r;
}

/* unary: + - ~ ! ++NAME --NAME, right to left. */
static struct val
unary1(struct parser *p)
{
	struct val r;
	enum tok t = p->tok;

	if (p->err)
		return rvalue(0);
	if ((t == T_INC || t == T_DEC) && !name_follows(p))
		split_incdec(p);	/* `++2` is + +2 */
	t = p->tok;
	switch (t) {
	case T_PLUS:
		next(p);
		return rvalue(unary(p).v);
	case T_MINUS:
		next(p);
		return rvalue((long)(0UL - (unsigned long)unary(p).v));
	case T_TILDE:
		next(p);
		return rvalue(~unary(p).v);
	case T_NOT:
		next(p);
		return rvalue(!unary(p).v);
	case T_INC:
	case T_DEC:
		next(p);	/* a name, checked above */
		r.name = p->name;
		r.namelen = p->namelen;
		r.v = binop(p, t == T_INC ? T_PLUS : T_MINUS, get_var(p, &r), 1);
		set_var(p, &r, r.v);
		next(p);
		return rvalue(r.v);
	case T_END: case T_NUM: case T_NAME: case T_LPAREN: case T_RPAREN:
	case T_COMMA: case T_QUEST: case T_COLON: case T_OROR: case T_ANDAND:
	case T_OR: case T_XOR: case T_AND: case T_EQ: case T_NE: case T_LT:
	case T_LE: case T_GT: case T_GE: case T_SHL: case T_SHR: case T_MUL:
	case T_DIV: case T_MOD: case T_POW: case T_ASSIGN: case T_MULEQ: case T_DIVEQ:
	case T_MODEQ: case T_PLUSEQ: case T_MINUSEQ: case T_SHLEQ: case T_SHREQ:
	case T_ANDEQ: case T_XOREQ: case T_OREQ:
		break;
	}
	return postfix(p);
}

/* Left-associative binary operators of binding power >= minprec, by
 * precedence climbing. && and || evaluate their right operand only when
 * it decides the result (XCU 2.6.4 follows ISO C here). */
static struct val
binary(struct parser *p, int minprec)
{
	struct val l = unary(p);
	int pr;

	while (!p->err && (pr = prec(p->tok)) >= minprec && pr > 0) {
		enum tok t = p->tok;
		long rv;

		if (t == T_INC || t == T_DEC)	/* `1++2`, `x--1`... */
			split_incdec(p);
		t = p->tok;
		next(p);
		if (t == T_POW) {
			rv = binary(p, pr).v;	/* right to left: 2**3**2 is 2**9 */
			l = rvalue(binop(p, t, l.v, rv));
		} else if (t == T_ANDAND || t == T_OROR) {
			bool skip = t == T_ANDAND ? l.v == 0 : l.v != 0;

			p->noeval += skip;
			rv = binary(p, pr + 1).v;
			p->noeval -= skip;
			l = rvalue(t == T_ANDAND ? (l.v && rv) : (l.v || rv));
		} else {
			const char *operand = p->tokstart;

			rv = binary(p, pr + 1).v;
			if (t == T_DIV || t == T_MOD)
				p->lasttp = operand;	/* bash divides before reading on */
			l = rvalue(binop(p, t, l.v, rv));
		}
	}
	return l;
}

static struct val assign(struct parser *p);

/* conditional: logical_or [ ? expression : conditional ]. Only the chosen
 * branch is evaluated. */
static struct val
cond(struct parser *p)
{
	struct val c = binary(p, 1);
	struct val a, b;

	if (p->err || p->tok != T_QUEST)
		return c;
	next(p);
	p->noeval += c.v == 0;
	a = comma(p);
	p->noeval -= c.v == 0;
	if (p->tok != T_COLON) {
		syntax_error(p, "`:' expected for conditional expression");
		return rvalue(0);
	}
	next(p);
	p->noeval += c.v != 0;
	b = cond(p);
	p->noeval -= c.v != 0;
	return rvalue(c.v ? a.v : b.v);
}

static struct val assign1(struct parser *p);

/* assignment, with its nesting counted (`a=b=c=...`, `(((...)))`). */
static struct val
assign(struct parser *p)
{
	struct val r;

	if (!nest_enter(p))
		return rvalue(0);
	r = assign1(p);
	p->nest--;
	return r;
}

/* assignment: conditional | NAME op= assignment (right to left). */
static struct val
assign1(struct parser *p)
{
	struct val l = cond(p);
	enum tok t = p->tok;
	struct val r;

	switch (t) {
	case T_ASSIGN: case T_MULEQ: case T_DIVEQ: case T_MODEQ: case T_PLUSEQ:
	case T_MINUSEQ: case T_SHLEQ: case T_SHREQ: case T_ANDEQ: case T_XOREQ:
	case T_OREQ:
		if (p->err)
			return l;
		if (l.name == NULL) {	/* `1 = 2`, `(x) = 2` */
			syntax_error(p, "attempted assignment to non-variable");
			return rvalue(0);
		}
		next(p);
		r = assign(p);
		if (t != T_ASSIGN)
			r.v = binop(p, t, l.v, r.v);
		return rvalue(set_var(p, &l, r.v));
	case T_END: case T_NUM: case T_NAME: case T_LPAREN: case T_RPAREN:
	case T_COMMA: case T_QUEST: case T_COLON: case T_OROR: case T_ANDAND:
	case T_OR: case T_XOR: case T_AND: case T_EQ: case T_NE: case T_LT:
	case T_LE: case T_GT: case T_GE: case T_SHL: case T_SHR: case T_PLUS:
	case T_MINUS: case T_MUL: case T_DIV: case T_MOD: case T_POW: case T_NOT: case T_TILDE:
	case T_INC: case T_DEC:
		break;
	}
	return l;
}

/* expression: assignment { , assignment }: the value of the last. */
static struct val
comma(struct parser *p)
{
	struct val r = assign(p);

	while (!p->err && p->tok == T_COMMA) {
		next(p);
		r = rvalue(assign(p).v);
	}
	return r;
}

/* Where the outermost evaluation's frame is, and whether the nested ones
 * have used half of the stack the rlimit allows: bash's 1024 levels of
 * x='...x...' recursion need several MiB, so a smaller stack ends the
 * recursion with the same error instead of a crash. */
static const char *stack_base;

static bool
stack_low(void)
{
	static size_t budget;
	char here;

	if (budget == 0) {
		struct rlimit rl;
		budget = getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ?
		    (size_t)rl.rlim_cur / 2 : (size_t)4 << 20;
	}
	return stack_base != NULL && (size_t)(stack_base > &here ? stack_base - &here :
	    &here - stack_base) > budget;
}

/* arith_eval() at variable recursion depth `depth`. */
static int
eval_depth(struct shell *sh, const char *expr, long *result, int depth)
{
	struct parser p = { .sh = sh, .expr = expr, .pos = expr, .depth = depth };
	struct val r;

	next(&p);
	/* $(( )) is 0 (bash, ksh, mksh; dash and yash reject it) */
	if (p.tok == T_END && !p.err) {
		*result = 0;
		return 0;
	}
	r = comma(&p);
	if (!p.err && p.tok != T_END)
		syntax_error(&p, "syntax error in expression");
	if (p.err)
		return -1;
	*result = r.v;
	return 0;
}

/* XCU 2.6.4: see shell.h. */
int
arith_eval(struct shell *sh, const char *expr, long *result)
{
	char here;
	bool outer = stack_base == NULL;

	sh->arith_unset = false;
	if (outer)
		stack_base = &here;	/* the outermost one (not one of $(...)) */
	int r = eval_depth(sh, expr, result, 0);
	if (outer)
		stack_base = NULL;
	return r;
}
