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

/* pattern_prefix/suffix run an automaton over the string once (pattern.c);
 * their answers must be those of pattern_match() tried at every length, as
 * the definition in XCU 2.6.2 reads. Random patterns built from escaped
 * characters, brackets (negated, with ranges, unclosed), `?`, runs of `*`,
 * trailing backslashes and the bytes of a two-byte UTF-8 character, against
 * random strings over the same bytes. */
static long
slow_prefix(const char *pat, const char *s, bool longest)
{
	size_t n = strlen(s);
	char *t = malloc(n + 1);
	long r = -1;

	for (size_t i = 0; i <= n; i++) {
		size_t len = longest ? n - i : i;

		memcpy(t, s, len);
		t[len] = '\0';
		if (pattern_match(pat, t)) {
			r = (long)len;
			break;
		}
	}
	free(t);
	return r;
}

static long
slow_suffix(const char *pat, const char *s, bool longest)
{
	size_t n = strlen(s);

	for (size_t i = 0; i <= n; i++) {
		size_t off = longest ? i : n - i;

		if (pattern_match(pat, s + off))
			return (long)off;
	}
	return -1;
}

static void
affix_fast_paths(void)
{
	static const char *const pieces[] = {
		"a", "b", "/", ".", "*", "**", "?", "[ab]", "[!a]", "[]a]",
		"[a-c]", "[", "]", "\\*", "\\a", "\\[", "\\\\", "\xc3", "\xa9",
		"\xc3\xa9", "[\xc3\xa9]", "[[:alpha:]]", "-",
	};
	static const char bytes[] = "ab/.*?[]\\-c\xc3\xa9";
	unsigned seed = 12345;
	int bad = 0;

	for (int iter = 0; iter < 20000; iter++) {
		char pat[64] = "", s[24];
		int np, ns;

		seed = seed * 1103515245 + 12345;
		np = (int)(seed >> 16) % 6;
		for (int i = 0; i < np; i++) {
			seed = seed * 1103515245 + 12345;
			strcat(pat, pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])]);
		}
		seed = seed * 1103515245 + 12345;
		if ((seed >> 16) % 8 == 0)
			strcat(pat, "\\");	/* a trailing backslash */
		seed = seed * 1103515245 + 12345;
		ns = (int)(seed >> 16) % (int)(sizeof s - 1);
		for (int i = 0; i < ns; i++) {
			seed = seed * 1103515245 + 12345;
			s[i] = bytes[(seed >> 16) % (sizeof bytes - 1)];
		}
		s[ns] = '\0';
		for (int longest = 0; longest < 2; longest++) {
			if (pattern_prefix(pat, s, longest) != slow_prefix(pat, s, longest) ||
			    pattern_suffix(pat, s, longest) != slow_suffix(pat, s, longest)) {
				if (bad++ < 5)
					fprintf(stderr, "affix mismatch: pat '%s' s '%s' longest %d\n",
					    pat, s, longest);
			}
		}
	}
	CHECK(bad == 0);

	/* literal prefixes and suffixes, escaped and not */
	CHECK(pattern_prefix("abc", "abcabc", false) == 3);
	CHECK(pattern_prefix("abc", "abcabc", true) == 3);
	CHECK(pattern_prefix("abd", "abcabc", true) == -1);
	CHECK(pattern_suffix(".c", "main.c", false) == 4);
	CHECK(pattern_suffix("\\.c", "main.c", true) == 4);
	CHECK(pattern_suffix(".c", ".c", false) == 0);
	CHECK(pattern_suffix("x.c", ".c", false) == -1);
	CHECK(pattern_prefix("a\\", "a\\b", false) == 2);	/* trailing \ is itself */
	CHECK(pattern_suffix("\\", "a\\", false) == 1);
	CHECK(pattern_prefix("[", "[a", false) == 1);	/* unclosed [ is itself */
	CHECK(pattern_suffix("[a", "b[a", false) == 1);
	CHECK(pattern_prefix("\xc3", "\xc3\xa9", false) == 1);	/* bytes */
	CHECK(pattern_suffix("?", "\xc3\xa9", false) == 1);
	CHECK(pattern_suffix("\xa9", "\xc3\xa9", true) == 1);
	/* empty patterns and strings */
	CHECK(pattern_prefix("", "abc", false) == 0);
	CHECK(pattern_suffix("", "abc", false) == 3);
	CHECK(pattern_suffix("", "", true) == 0);
	CHECK(pattern_suffix("*", "", false) == 0);
	CHECK(pattern_prefix("**", "", true) == 0);
	/* ${x%/...} and ${x##...} on a string without a slash: no match */
	CHECK(pattern_suffix("/*", "abc", false) == -1);
	CHECK(pattern_prefix("*/", "abc", true) == -1);
	CHECK(pattern_prefix("*/", "a//b", true) == 3);
	CHECK(pattern_suffix("/*", "a//b", false) == 2);
	CHECK(pattern_suffix("/*", "a//b", true) == 1);
	/* patterns longer than the stack buffers of pattern.c */
	{
		char longpat[200], longs[300];

		memset(longpat, '?', 150);
		longpat[150] = '*';
		longpat[151] = '\0';
		memset(longs, 'x', 299);
		longs[299] = '\0';
		CHECK(pattern_prefix(longpat, longs, false) == 150);
		CHECK(pattern_suffix(longpat, longs, false) == 149);
		CHECK(pattern_prefix(longpat, longs + 200, false) == -1);
	}
}

/* Linear, not quadratic: ${x#*b}, ${x%b*}, ${x##*b}, ${x%%b*} and the
 * slash patterns on a megabyte. With one match_n() per length these are ~10^12
 * steps; a generous bound, so a loaded machine does not fail it. */
static void
affix_linear(void)
{
	size_t n = 1 << 20;
	char *s = malloc(n + 1);
	clock_t t0 = clock();

	memset(s, 'a', n);
	s[n] = '\0';
	CHECK(pattern_prefix("*b", s, false) == -1);
	CHECK(pattern_prefix("*b", s, true) == -1);
	CHECK(pattern_suffix("b*", s, false) == -1);
	CHECK(pattern_suffix("b*", s, true) == -1);
	s[n / 2] = '/';
	CHECK(pattern_prefix("*/", s, true) == (long)n / 2 + 1);
	CHECK(pattern_suffix("/*", s, false) == (long)n / 2);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	free(s);
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
	affix_fast_paths();
	affix_linear();
	magic();
	return unit_done("pattern");
}
