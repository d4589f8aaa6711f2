/* test_pattern.c: pattern_match, pattern_prefix/suffix, pattern_has_magic
 * (XCU 2.14.1, 2.14.2, 2.6.2). Every row of `cases` was checked with
 * `case STR in PAT)` (the pattern written as shell text) against bash --posix
 * and yash, which agree on all of them. dash differs on `[^a-c]` (it takes
 * `^` as a member, as POSIX allows: the `^` form is unspecified) and on
 * `[[=a=]]`, `[[.-.]]` (it does not support them). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unit.h"

static const struct {
	const char *pat, *s;
	bool want;
} cases[] = {
	/* literals and wildcards */
	{ "abc", "abc", true },
	{ "abc", "abd", false },
	{ "abc", "ab", false },
	{ "ab", "abc", false },
	{ "", "", true },
	{ "", "a", false },
	{ "*", "", true },
	{ "*", "anything", true },
	{ "**", "x", true },
	{ "?", "", false },
	{ "?", "a", true },
	{ "?", "ab", false },
	{ "??", "ab", true },
	{ "a*", "a", true },
	{ "a*", "abc", true },
	{ "a*", "bac", false },
	{ "*c", "abc", true },
	{ "*c", "abcd", false },
	{ "a*c", "ac", true },
	{ "a*c", "abbbc", true },
	{ "a*c", "abcb", false },
	{ "*a*b*", "xaxxbx", true },
	{ "*a*b*", "xbxxax", false },
	{ "a?c*", "abcdef", true },
	{ "*.c", "main.c", true },
	{ "*.c", "main.h", false },
	{ "a/b", "a/b", true },
	{ "*", "a/b", true },	/* `/` is not special outside pathname expansion */
	{ "*", ".hidden", true },	/* neither is a leading dot */
	{ "?hidden", ".hidden", true },
	/* bracket expressions */
	{ "[abc]", "b", true },
	{ "[abc]", "d", false },
	{ "[abc]", "", false },
	{ "[a-c]", "b", true },
	{ "[a-c]", "d", false },
	{ "[a-cx-z]", "y", true },
	{ "[!a-c]", "d", true },
	{ "[!a-c]", "a", false },
	{ "[^a-c]", "d", true },
	{ "[^a-c]", "b", false },
	{ "[]]", "]", true },
	{ "[]a]", "a", true },
	{ "[]a]", "b", false },
	{ "[!]]", "]", false },
	{ "[!]]", "x", true },
	{ "[]-a]", "^", true },	/* range from ] to a */
	{ "[-a]", "-", true },
	{ "[a-]", "-", true },
	{ "[a-]", "b", false },
	{ "[!-]", "-", false },
	{ "[!-]", "x", true },
	{ "[%--]", ",", true },	/* range %..- */
	{ "x[[]y", "x[y", true },
	{ "[a]]", "a]", true },
	{ "[a]]", "a", false },
	{ "[", "[", true },	/* no closing ]: a literal [ */
	{ "[ab", "[ab", true },
	{ "[ab", "a", false },
	{ "a[", "a[", true },
	{ "[!", "[!", true },
	{ "[]", "[]", true },	/* `]` first is a member, so unterminated */
	{ "*[", "x[", true },
	{ "[*]", "*", true },
	{ "[*]", "a", false },
	{ "[?]", "?", true },
	{ "[?]", "a", false },
	/* character classes */
	{ "[[:alpha:]]", "q", true },
	{ "[[:alpha:]]", "1", false },
	{ "[[:digit:]]", "7", true },
	{ "[[:digit:]]", "x", false },
	{ "[[:alnum:]]", "Z", true },
	{ "[[:alnum:]]", "-", false },
	{ "[[:upper:]]", "A", true },
	{ "[[:upper:]]", "a", false },
	{ "[[:lower:]]", "a", true },
	{ "[[:lower:]]", "A", false },
	{ "[[:space:]]", "\t", true },
	{ "[[:space:]]", "x", false },
	{ "[[:blank:]]", " ", true },
	{ "[[:blank:]]", "\n", false },
	{ "[[:punct:]]", "!", true },
	{ "[[:punct:]]", "a", false },
	{ "[[:xdigit:]]", "f", true },
	{ "[[:xdigit:]]", "g", false },
	{ "[[:cntrl:]]", "\001", true },
	{ "[[:cntrl:]]", "a", false },
	{ "[[:print:]]", " ", true },
	{ "[[:print:]]", "\001", false },
	{ "[[:graph:]]", "a", true },
	{ "[[:graph:]]", " ", false },
	{ "[![:digit:]]", "a", true },
	{ "[![:digit:]]", "5", false },
	{ "[[:digit:]x]", "x", true },
	{ "[[:digit:][:upper:]]", "Q", true },
	{ "[[:digit:][:upper:]]", "q", false },
	{ "[[:alpha:]]*[[:digit:]]", "abc9", true },
	{ "[[=a=]]", "a", true },
	{ "[[=a=]]", "b", false },
	{ "[[.-.]]", "-", true },
	/* backslash: the next character is literal */
	{ "\\*", "*", true },
	{ "\\*", "a", false },
	{ "\\?", "?", true },
	{ "\\?", "a", false },
	{ "\\[a]", "[a]", true },
	{ "\\[a]", "a", false },
	{ "a\\\\b", "a\\b", true },
	{ "\\a", "a", true },
	{ "[\\]]", "]", true },
	{ "[\\]]", "\\", false },
	{ "[a\\-z]", "-", true },
	{ "[a\\-z]", "b", false },
	{ "[\\!a]", "!", true },
	{ "[\\!a]", "b", false },
	{ "*\\*", "ab*", true },
	{ "*\\*", "ab", false },
};

static void
match_table(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool got = pattern_match(cases[i].pat, cases[i].s);

		unit_run++;
		if (got != cases[i].want) {
			unit_failed++;
			fprintf(stderr, "pattern_match(\"%s\", \"%s\") = %d, want %d\n",
				cases[i].pat, cases[i].s, got, cases[i].want);
		}
	}
	CHECK(!pattern_match("a\\", "a"));	/* a trailing backslash is itself */
	CHECK(pattern_match("a\\", "a\\"));
	CHECK(pattern_match("\xc3\xa9*", "\xc3\xa9t\xc3\xa9"));	/* bytes */
}

/* The matcher must stay polynomial: this is exponential for naive
 * backtracking (more than 10^10 steps). */
static void
no_blowup(void)
{
	char s[4096 + 1];
	clock_t t0 = clock();

	memset(s, 'a', sizeof s - 1);
	s[sizeof s - 1] = '\0';
	CHECK(!pattern_match("*a*a*a*a*a*a*a*a*a*a*b", s));
	CHECK(pattern_match("*a*a*a*a*a*a*a*a*a*a*", s));
	CHECK(pattern_prefix("*a*a*a*a*b", s + 4096 - 512, true) == -1);
	CHECK(pattern_suffix("*a*a*a*a*b", s + 4096 - 512, false) == -1);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
}

static void
prefix_suffix(void)
{
	/* ${p#w} ${p##w} ${p%w} ${p%%w} on p=/usr/local/bin (checked in dash) */
	const char *p = "/usr/local/bin";

	CHECK(pattern_prefix("*/", p, false) == 1);	/* usr/local/bin */
	CHECK(pattern_prefix("*/", p, true) == 11);	/* bin */
	CHECK(pattern_suffix("/*", p, false) == 10);	/* /usr/local */
	CHECK(pattern_suffix("/*", p, true) == 0);	/* "" */
	CHECK(pattern_prefix("x*", p, false) == -1);
	CHECK(pattern_suffix("x", p, true) == -1);
	CHECK(pattern_prefix("*", p, false) == 0);
	CHECK(pattern_prefix("*", p, true) == 14);
	CHECK(pattern_suffix("*", p, false) == 14);
	CHECK(pattern_suffix("*", p, true) == 0);
	CHECK(pattern_prefix("", p, true) == 0);
	CHECK(pattern_suffix("", p, true) == 14);
	CHECK(pattern_prefix("", "", false) == 0);
	CHECK(pattern_prefix("?", "", false) == -1);
	/* x=a]b-c]d: ${x#*[]-]} = b-c]d, ${x##*[]-]} = d */
	CHECK(pattern_prefix("*[]-]", "a]b-c]d", false) == 2);
	CHECK(pattern_prefix("*[]-]", "a]b-c]d", true) == 6);
	CHECK(pattern_suffix("[]-]*", "a]b-c]d", false) == 5);
	CHECK(pattern_suffix("[]-]*", "a]b-c]d", true) == 1);
	CHECK(pattern_suffix("[!a-c]", "abcd", false) == 3);
	CHECK(pattern_suffix("[!a-d]", "abcd", false) == -1);
	CHECK(pattern_prefix("\\*", "**x", true) == 1);
	CHECK(pattern_suffix("\\**", "a*b*c", true) == 1);
	CHECK(pattern_suffix("\\**", "a*b*c", false) == 3);
}

static void
magic(void)
{
	CHECK(pattern_has_magic("*"));
	CHECK(pattern_has_magic("a?b"));
	CHECK(pattern_has_magic("[ab]"));
	CHECK(pattern_has_magic("x/[[:alpha:]]"));
	CHECK(pattern_has_magic("\\\\*"));	/* an escaped backslash, then * */
	CHECK(!pattern_has_magic(""));
	CHECK(!pattern_has_magic("plain/path.c"));
	CHECK(!pattern_has_magic("\\*"));
	CHECK(!pattern_has_magic("\\?\\[a]"));
	CHECK(!pattern_has_magic("["));	/* no closing ]: literal */
	CHECK(!pattern_has_magic("a[b"));
	CHECK(!pattern_has_magic("a\\"));
}

int
main(void)
{
	match_table();
	no_blowup();
	prefix_suffix();
	magic();
	return unit_done("pattern");
}
