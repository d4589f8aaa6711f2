/* test_glob.c: pattern_glob() (XCU 2.14.3) in a temporary directory. The
 * expected lists were checked against dash, bash --posix and yash run in
 * the same tree (printf '<%s>' PATTERN), except where a comment says. */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

/* Expands `pat` and checks the result, joined as <a><b>..., against `want`
 * ("" for no match). */
#define GLOB(pat, want) do { \
	char buf_[4096]; \
	glob_join((pat), buf_, sizeof buf_); \
	CHECK_STR_AT(pat, buf_, (want)); \
} while (0)

#define CHECK_STR_AT(pat, got, want) do { \
	unit_run++; \
	if (strcmp((got), (want)) != 0) { \
		unit_failed++; \
		fprintf(stderr, "%s:%d: glob \"%s\" gave %s, want %s\n", \
			__FILE__, __LINE__, (pat), (got), (want)); \
	} \
} while (0)

static void
glob_join(const char *pat, char *buf, size_t size)
{
	char **v = NULL;
	size_t n = 0, cap = 0, added;

	buf[0] = '\0';
	added = pattern_glob(pat, &v, &n, &cap);
	if (added != n) {
		snprintf(buf, size, "(added %zu of %zu)", added, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(buf);

		snprintf(buf + len, size - len, "<%s>", v[i]);
		free(v[i]);
	}
	if (n > 0 && v[n] != NULL)
		snprintf(buf, size, "(not NULL-terminated)");
	free(v);
}

static void
touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);

	CHECK(fd >= 0);
	if (fd >= 0)
		close(fd);
}

static void
tree(void)
{
	mkdir("d1", 0755);
	mkdir("d2", 0755);
	mkdir("d2/sub", 0755);
	mkdir(".hd", 0755);
	touch("a");
	touch("b");
	touch("with space");
	touch("-dash");
	touch(".dot");
	touch("new\nline");
	touch("d1/x");
	touch("d1/y");
	touch("d1/.z");
	touch("d2/sub/z");
	touch("star*");
	touch("q?");
	touch("br[a]");
	touch("back\\slash");
	symlink("d1", "ld");
	symlink("nowhere", "dangling");
}

static void
basics(void)
{
	GLOB("*", "<-dash><a><b><back\\slash><br[a]><d1><d2><dangling><ld><new\nline>"
		"<q?><star*><with space>");
	GLOB("?", "<a><b>");
	GLOB("[ab]", "<a><b>");
	GLOB("[!ab]", "");
	GLOB("with*", "<with space>");
	GLOB("*\n*", "<new\nline>");
	GLOB("-*", "<-dash>");
	GLOB("nomatch*", "");
	GLOB("a", "");	/* no magic: not expanded, the caller keeps the word */
	GLOB("\\*", "");
	GLOB("dang*", "<dangling>");	/* a dangling symlink is a name too */
}

static void
dots(void)
{
	/* spsh never gives `.` and `..` (bash 5.2 does the same; dash and
	 * yash list them for `.*`) */
	GLOB(".*", "<.dot><.hd>");
	GLOB(".?*", "<.dot><.hd>");
	GLOB("\\.*", "<.dot><.hd>");
	GLOB("[.]*", "");	/* a bracket does not match a leading dot */
	GLOB("?dot", "");
	GLOB("d1/*", "<d1/x><d1/y>");
	GLOB("d1/.*", "<d1/.z>");
	GLOB("*/.z", "<d1/.z><ld/.z>");
	GLOB("./.d*", "<./.dot>");
	GLOB("d1/../?", "<d1/../a><d1/../b>");
	GLOB("./?", "<./a><./b>");
}

static void
dirs(void)
{
	GLOB("*/", "<d1/><d2/><ld/>");	/* a symlink to a directory counts */
	GLOB("d*/", "<d1/><d2/>");
	GLOB("d*/*", "<d1/x><d1/y><d2/sub>");
	GLOB("d*/*/", "<d2/sub/>");
	GLOB("*/sub/z", "<d2/sub/z>");
	GLOB("d?/s*/?", "<d2/sub/z>");
	GLOB("d2/*/z", "<d2/sub/z>");
	GLOB("*/nothing", "");
	GLOB("a/*", "");	/* a is not a directory */
	GLOB("d1//*", "<d1//x><d1//y>");
	GLOB("d[12]/[xz]", "<d1/x>");
	GLOB("d[1/]x", "");	/* `[` before a `/` is literal, no d[1 dir */
}

static void
escapes(void)
{
	GLOB("star\\*", "");	/* no magic left */
	GLOB("st*\\*", "<star*>");
	GLOB("\\st*", "<star*>");
	GLOB("q\\?", "");
	GLOB("?\\?", "<q?>");
	GLOB("br\\[a]*", "<br[a]>");
	GLOB("br[[]a]", "<br[a]>");
	GLOB("back\\\\*", "<back\\slash>");
	GLOB("\\d1/*", "<d1/x><d1/y>");	/* backslash removed from a literal part */
	GLOB("wi\\th\\ *", "<with space>");
}

static void
absolute(const char *dir)
{
	char pat[PATH_MAX + 16], want[2 * PATH_MAX + 16];

	snprintf(pat, sizeof pat, "%s/d1/?", dir);
	snprintf(want, sizeof want, "<%s/d1/x><%s/d1/y>", dir, dir);
	GLOB(pat, want);
	GLOB("/[d]ev/nul?", "</dev/null>");
	GLOB("//de[v]/null", "<//dev/null>");
}

static void
unreadable(void)
{
	mkdir("locked", 0755);
	touch("locked/f");
	mkdir("locked/in", 0755);
	chmod("locked", 0);
	if (geteuid() != 0) {	/* root reads it anyway */
		GLOB("locked/*", "");
		GLOB("lock*/*", "");
	}
	chmod("locked", 0755);
	GLOB("locked/*", "<locked/f><locked/in>");
	/* searchable but not readable: literal components still work */
	chmod("locked", 0311);
	GLOB("lock*/f", "<locked/f>");
	GLOB("locked/i[n]", geteuid() != 0 ? "" : "<locked/in>");
	chmod("locked", 0755);
}

static void
appends(void)
{
	char **v = NULL;
	size_t n = 0, cap = 0;

	CHECK(pattern_glob("d1/*", &v, &n, &cap) == 2);
	CHECK(pattern_glob("nomatch*", &v, &n, &cap) == 0);
	CHECK(pattern_glob("?", &v, &n, &cap) == 2);
	CHECK(n == 4);
	if (n == 4) {
		CHECK_STR(v[0], "d1/x");
		CHECK_STR(v[1], "d1/y");
		CHECK_STR(v[2], "a");	/* sorted within each call only */
		CHECK_STR(v[3], "b");
		CHECK(v[4] == NULL);
	}
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
cleanup(const char *dir)
{
	char cmd[PATH_MAX + 32];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int
main(void)
{
	char tmpl[PATH_MAX];
	const char *tmp = getenv("TMPDIR");
	char *dir;

	snprintf(tmpl, sizeof tmpl, "%s/spsh-glob-XXXXXX", tmp ? tmp : "/tmp");
	if ((dir = mkdtemp(tmpl)) == NULL || chdir(dir) != 0) {
		perror("mkdtemp");
		return 2;
	}
	tree();
	basics();
	dots();
	dirs();
	escapes();
	absolute(dir);
	unreadable();
	appends();
	if (chdir("/") == 0)
		cleanup(dir);
	return unit_done("glob");
}
