/* test_arith.c: arith_eval() (XCU 2.6.4). Expected values follow ISO C
 * semantics for signed long (with wrap-around where C would overflow) and
 * were checked against bash --posix where a shell can compute them. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* Evaluates `e` and checks that it gives `want` with no error. */
#define EV(e, want) do { \
	long r_ = 12345; \
	int rc_ = arith_eval(&unit_shell, (e), &r_); \
	unit_run++; \
	if (rc_ != 0 || r_ != (long)(want)) { \
		unit_failed++; \
		fprintf(stderr, "%s:%d: $((%s)) gave rc %d value %ld, want %ld (%s)\n", \
			__FILE__, __LINE__, (e), rc_, r_, (long)(want), unit_last_error); \
	} \
} while (0)

/* Checks that `e` fails with a message containing `msg`. */
#define EV_ERR(e, msg) do { \
	long r_ = 0; \
	int n_ = unit_nerrors; \
	int rc_ = arith_eval(&unit_shell, (e), &r_); \
	unit_run++; \
	if (rc_ != -1 || unit_nerrors != n_ + 1 || strstr(unit_last_error, (msg)) == NULL) { \
		unit_failed++; \
		fprintf(stderr, "%s:%d: $((%s)) gave rc %d, %d messages, last \"%s\"; want -1 and \"%s\"\n", \
			__FILE__, __LINE__, (e), rc_, unit_nerrors - n_, unit_last_error, (msg)); \
	} \
} while (0)

static void
set(const char *name, const char *value)
{
	var_set(&unit_shell, name, value, 0);
}

static void
constants(void)
{
	EV("0", 0);
	EV("42", 42);
	EV("010", 8);
	EV("0x1f", 31);
	EV("0XFF", 255);
	EV("0x7fffffffffffffff", LONG_MAX);
	EV("9223372036854775807", LONG_MAX);
	EV("", 0);
	EV("   \n\t ", 0);
	EV(" \n 1 \n + \t 2 \n", 3);
	EV_ERR("08", "value too great for base");
	EV("0x", 0);	/* bash outside posix mode; posix mode rejects it */
	EV_ERR("0xg", "value too great for base");
	EV_ERR("12abc", "value too great for base");
	EV_ERR("1.5", "syntax error");
	EV_ERR("@", "syntax error");
}

static void
operators(void)
{
	EV("-5", -5);
	EV("+5", 5);
	EV("~0", -1);
	EV("!0", 1);
	EV("!7", 0);
	EV("- -3", 3);
	EV("--3", 3);	/* no variable after it: two unary minuses */
	EV("++3", 3);
	EV("7 * 6", 42);
	EV("7 / 2", 3);
	EV("-7 / 2", -3);	/* C truncates toward zero */
	EV("7 % 3", 1);
	EV("-7 % 3", -1);
	EV("1 + 2", 3);
	EV("1 - 2", -1);
	EV("1 << 4", 16);
	EV("256 >> 4", 16);
	EV("-16 >> 2", -4);
	EV("1 < 2", 1);
	EV("2 < 1", 0);
	EV("2 <= 2", 1);
	EV("3 > 2", 1);
	EV("2 >= 3", 0);
	EV("2 == 2", 1);
	EV("2 != 2", 0);
	EV("12 & 10", 8);
	EV("12 ^ 10", 6);
	EV("12 | 10", 14);
	EV("1 && 2", 1);
	EV("1 && 0", 0);
	EV("0 || 0", 0);
	EV("0 || 5", 1);
	EV("1 ? 10 : 20", 10);
	EV("0 ? 10 : 20", 20);
	EV("1, 2, 3", 3);
	EV("(1 + 2) * 3", 9);
	EV("((((1))))", 1);
	EV("1++2", 3);	/* bash, dash: 1 + +2 */
	EV("1--2", 3);
}

static void
precedence(void)
{
	EV("1 + 2 * 3", 7);
	EV("10 - 4 - 3", 3);	/* left to right */
	EV("100 / 10 / 5", 2);
	EV("1 << 2 + 1", 8);	/* + binds tighter than << */
	EV("1 < 2 == 1", 1);
	EV("3 & 1 == 1", 1);	/* == binds tighter than & */
	EV("1 | 2 ^ 3", 1);	/* 1 | (2 ^ 3) */
	EV("6 ^ 3 & 1", 7);	/* 6 ^ (3 & 1) */
	EV("0 || 1 && 0", 0);
	EV("1 || 0 && 0", 1);
	EV("-2 * -3", 6);
	EV("!1 + 1", 1);	/* (!1) + 1 */
	EV("~1 * 2", -4);
	EV("1 ? 2 : 0 ? 3 : 4", 2);
	EV("0 ? 2 : 0 ? 3 : 4", 4);
	EV("0 ? 1 : 2 + 3", 5);
	EV("2 + 3 * 4 % 5 - 6 / 2", 1);
}

static void
wraparound(void)
{
	EV("9223372036854775807 + 1", LONG_MIN);
	EV("-9223372036854775807 - 2", LONG_MAX);
	EV("9223372036854775807 * 2", -2);
	EV("-(-9223372036854775807 - 1)", LONG_MIN);
	EV("(-9223372036854775807 - 1) / -1", LONG_MIN);
	EV("(-9223372036854775807 - 1) % -1", 0);
	EV("1 << 63", LONG_MIN);
	EV("1 << 64", 1);	/* count masked to 6 bits */
	EV("1 << -1", LONG_MIN);
	EV("-1 >> 63", -1);
	EV("18446744073709551615", -1);	/* wraps, as in bash */
	EV_ERR("1 / 0", "division by 0 (error token is \"0\")");
	EV_ERR("1 % 0", "division by 0 (error token is \"0\")");
	set("z", "0");
	EV_ERR("z /= 0", "division by 0");
	EV_ERR("5 %= 0", "attempted assignment to non-variable");
}

static void
variables(void)
{
	unit_reset();
	set("x", "5");
	set("e", "");
	set("neg", "-3");
	set("sp", " 4 ");
	set("oct", "010");
	set("expr", "x * 2");
	set("ind", "expr + 1");
	EV("x", 5);
	EV("x + 1", 6);
	EV("unset_var", 0);
	EV("unset_var + 1", 1);
	EV("e + 1", 1);
	EV("neg * 2", -6);
	EV("sp + 1", 5);
	EV("oct", 8);
	EV("expr", 10);
	EV("ind", 11);
	EV("-x", -5);
	EV("x-1", 4);
	EV_ERR("x--1", "syntax error");	/* x-- then 1, as in bash */
}

static void
assignments(void)
{
	unit_reset();
	EV("x = 3", 3);
	CHECK_STR(var_get(&unit_shell, "x"), "3");
	EV("x += 2", 5);
	EV("x -= 1", 4);
	EV("x *= 3", 12);
	EV("x /= 5", 2);
	EV("x %= 2", 0);
	CHECK_STR(var_get(&unit_shell, "x"), "0");
	set("x", "1");
	EV("x <<= 4", 16);
	EV("x >>= 2", 4);
	EV("x |= 3", 7);
	EV("x &= 5", 5);
	EV("x ^= 1", 4);
	CHECK_STR(var_get(&unit_shell, "x"), "4");
	EV("a = b = 7", 7);	/* right to left */
	CHECK_STR(var_get(&unit_shell, "a"), "7");
	CHECK_STR(var_get(&unit_shell, "b"), "7");
	EV("a = 1, b = a + 1, a + b", 3);
	EV("(c = 4) + 1", 5);
	CHECK_STR(var_get(&unit_shell, "c"), "4");
	EV("n = -5", -5);
	CHECK_STR(var_get(&unit_shell, "n"), "-5");
	set("w", "not an expression at all");
	EV("w = 2", 2);	/* the old value is not evaluated */
	CHECK_STR(var_get(&unit_shell, "w"), "2");
	EV_ERR("1 = 2", "attempted assignment to non-variable");
	EV_ERR("x + 1 = 2", "attempted assignment to non-variable");
	EV_ERR("(x) = 2", "attempted assignment to non-variable");
	unit_readonly("ro", "1");
	EV_ERR("ro = 2", "ro: is read only");
	EV_ERR("ro += 1", "is read only");
	CHECK_STR(var_get(&unit_shell, "ro"), "1");
	EV("ro + 1", 2);
}

static void
incdec(void)
{
	unit_reset();
	set("i", "5");
	EV("i++", 5);
	CHECK_STR(var_get(&unit_shell, "i"), "6");
	EV("i--", 6);
	CHECK_STR(var_get(&unit_shell, "i"), "5");
	EV("++i", 6);
	EV("--i", 5);
	EV("++ i", 6);
	EV("j++ + ++j", 2);	/* j unset: 0, then j=1, ++j = 2 */
	CHECK_STR(var_get(&unit_shell, "j"), "2");
	EV("-i", -6);
	EV("- -i", 6);
	CHECK_STR(var_get(&unit_shell, "i"), "6");
}

static void
short_circuit(void)
{
	unit_reset();
	EV("0 && (x = 5)", 0);
	CHECK(var_get(&unit_shell, "x") == NULL);
	EV("1 || (x = 5)", 1);
	CHECK(var_get(&unit_shell, "x") == NULL);
	EV("0 && 1 / 0", 0);
	EV("1 || 1 % 0", 1);
	EV("1 ? 2 : (x = 3)", 2);
	EV("0 ? (x = 3) : 4", 4);
	EV("0 ? y++ : 1", 1);
	CHECK(var_get(&unit_shell, "x") == NULL);
	CHECK(var_get(&unit_shell, "y") == NULL);
	EV("1 ? 1 : 1 / 0", 1);
	EV("0 && (1 ? x = 1 : 2)", 0);
	CHECK(var_get(&unit_shell, "x") == NULL);
	set("bad", "1 +");
	EV("0 && bad", 0);	/* not even looked at */
	EV("1 && (x = 9)", 1);
	CHECK_STR(var_get(&unit_shell, "x"), "9");
	EV_ERR("0 && (1 +)", "syntax error");	/* still parsed */
}

static void
errors(void)
{
	unit_reset();
	EV_ERR("1 +", "1 +: syntax error: operand expected (error token is \"+\")");
	EV_ERR("(1 + 2", "missing `)'");
	EV_ERR("1 + 2)", "syntax error");
	EV_ERR("1 2", "syntax error");
	EV_ERR("1 ? 2", "`:' expected for conditional expression");
	EV_ERR("* 2", "syntax error");
	EV_ERR("x++2", "syntax error");	/* bash: error too */
	EV_ERR("()", "syntax error");
	EV_ERR("1,", "syntax error");
	set("bad", "1 +");
	EV_ERR("bad + 1", "1 +: syntax error: operand expected");
	set("a", "b");
	set("b", "a");
	EV_ERR("a", "recursion");	/* no crash */
	set("s", "s + 1");
	EV_ERR("s", "recursion");
	set("deep", "1");
	EV("deep", 1);
}

/* Deep nesting gives an error instead of overflowing the C stack. */
static void
nesting(void)
{
	size_t n = 200000;
	char *e = malloc(2 * n + 2);

	unit_reset();
	memset(e, '(', n);
	e[n] = '1';
	memset(e + n + 1, ')', n);
	e[2 * n + 1] = '\0';
	EV_ERR(e, "nested too deeply");
	memset(e, '-', n);	/* - - - ... 1 */
	strcpy(e + n, "1");
	for (size_t i = 1; i < n; i += 2)
		e[i] = ' ';
	EV_ERR(e, "nested too deeply");
	free(e);
	EV("((((((((((((((((((((((((((((((((((((((((7))))))))))))))))))))))))))))))))))))))))", 7);
	EV("a=b=c=d=e=f=g=h=i=j=k=l=m=n=o=p=q=r=s=t=u=v=w=x=y=z=3", 3);
	CHECK_STR(var_get(&unit_shell, "a"), "3");
}

/* bash extensions: **, base#digits, array elements as lvalues */
static void
extensions(void)
{
	unit_reset();
	EV("2**10", 1024);
	EV("2**3**2", 512);
	EV("-2**2", 4);
	EV("2*3**2", 18);
	EV("2**64", 0);
	EV_ERR("2**-1", "exponent less than 0");
	EV("2#101", 5);
	EV("16#ff + 16#FF", 510);
	EV("36#Zz", 36 * 35 + 35);
	EV("64#@_", 62 * 64 + 63);
	EV("10#08", 8);
	EV_ERR("65#1", "invalid arithmetic base");
	EV_ERR("2#102", "value too great for base");
	EV("a[1+1] = 5", 5);
	CHECK_STR(var_get(&unit_shell, "a[2]"), "5");
	EV("a[2]++", 0);	/* the stub's var_lookup finds no array */
	EV_ERR("a[1", "bad array subscript");
}

int
main(void)
{
	extensions();
	constants();
	operators();
	precedence();
	wraparound();
	variables();
	assignments();
	incdec();
	short_circuit();
	errors();
	nesting();
	return unit_done("arith");
}
