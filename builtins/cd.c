/* cd.c: the cd and pwd utilities (XCU cd, pwd) and PWD at start-up.
 *
 * PWD is "valid" when it is absolute, has no . or .. components and names
 * the current directory (XCU pwd, -L). The logical cd (-L, the default)
 * builds the new PWD textually from the old one; -P resolves symbolic links
 * with getcwd(). */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "biutil.h"
#include "cd.h"
#include "xalloc.h"
#include "shell.h"

/* True if `p` is absolute and has no "." or ".." component. */
static bool
is_canonical_abs(const char *p)
{
	if (p == NULL || *p != '/')
		return false;
	while (*p != '\0') {
		const char *c;
		size_t n;

		while (*p == '/')
			p++;
		c = p;
		p = strchrnul(p, '/');
		n = (size_t)(p - c);
		if ((n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
			return false;
	}
	return true;
}

/* True if `pwd` is a valid value for PWD: see the file comment. */
static bool
pwd_valid(const char *pwd)
{
	struct stat a, b;

	return is_canonical_abs(pwd) && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* The logical current directory: $PWD if valid, else getcwd(); when the
 * directory has no name any more (removed), a canonical $PWD is still
 * believed, so that `cd ..` gets out. Malloc'd; NULL if nothing works. */
static char *
logical_cwd(struct shell *sh)
{
	const char *pwd = var_get(sh, "PWD");
	char *cwd;

	if (pwd_valid(pwd))
		return xa_strdup(pwd);
	if ((cwd = getcwd(NULL, 0)) == NULL && is_canonical_abs(pwd))
		return xa_strdup(pwd);
	return cwd;
}

void
cd_init_pwd(struct shell *sh)
{
	char *cwd;

	if (pwd_valid(var_get(sh, "PWD")))
		return;
	if ((cwd = getcwd(NULL, 0)) != NULL)
		var_set(sh, "PWD", cwd, 0);
	free(cwd);
}

/* XCU cd step 8: canonicalises the absolute path `p` in place: "." and
 * empty components go, "dot-dot" removes the component before it after
 * checking (symbolic links followed) that what it removes names a
 * directory; "/.." is "/". Returns 0, or -1 with errno set by that check. */
static int
canonicalise(char *p)
{
	char *out = p;		/* writes trail reads: the result is never longer */
	const char *in = p;

	/* out holds "/a/b" without a trailing slash; out == p means "/" */
	while (*in != '\0') {
		const char *c;
		size_t n;

		while (*in == '/')
			in++;
		if (*in == '\0')
			break;
		c = in;
		in = strchrnul(in, '/');
		n = (size_t)(in - c);
		if (n == 1 && c[0] == '.')
			continue;
		if (n == 2 && c[0] == '.' && c[1] == '.') {
			struct stat st;
			char save;

			if (out == p)
				continue;	/* "/.." is "/" */
			save = *out;
			*out = '\0';
			if (stat(p, &st) != 0) {
				*out = save;
				return -1;
			}
			*out = save;
			if (!S_ISDIR(st.st_mode)) {
				errno = ENOTDIR;
				return -1;
			}
			while (out > p && *--out != '/')
				;
			continue;
		}
		*out++ = '/';
		memmove(out, c, n);
		out += n;
	}
	if (out == p)
		*out++ = '/';
	*out = '\0';
	return 0;
}

/* Returns the malloc'd concatenation a "/" b, with one slash between. */
static char *
join(const char *a, const char *b)
{
	size_t la = strlen(a);
	bool slash = la > 0 && a[la - 1] == '/';
	char *r = malloc(la + 1 + strlen(b) + 1);

	if (r == NULL)
		abort();
	sprintf(r, "%s%s%s", a, slash ? "" : "/", b);
	return r;
}

/* True if the first component of `d` is "." or "..". */
static bool
starts_with_dot(const char *d)
{
	return d[0] == '.' && (d[1] == '\0' || d[1] == '/' ||
	    (d[1] == '.' && (d[2] == '\0' || d[2] == '/')));
}

/* XCU cd step 5: the CDPATH search. Returns the malloc'd curpath for `dir`
 * (the operand itself if no entry matches) and sets *print when a non-empty
 * entry was used. */
static char *
cdpath_search(struct shell *sh, const char *dir, bool *print)
{
	const char *cdpath = var_get(sh, "CDPATH"), *p, *end;

	if (cdpath == NULL || *cdpath == '\0')
		return xa_strdup(dir);
	for (p = cdpath;; p = end + 1) {
		struct stat st;
		char *cand, *e;

		end = strchrnul(p, ':');
		e = strndup(p, (size_t)(end - p));
		if (e == NULL)
			abort();
		cand = join(*e != '\0' ? e : ".", dir);
		if (stat(cand, &st) == 0 && S_ISDIR(st.st_mode)) {
			*print = *e != '\0';
			free(e);
			return cand;
		}
		free(e);
		free(cand);
		if (*end == '\0')
			break;
	}
	return xa_strdup(dir);
}

char *
cd_plan_target(struct shell *sh, const char *dir)
{
	const char *cdpath = var_get(sh, "CDPATH");
	char *cwd, *cur;

	if (dir[0] == '\0' || dir[0] == '-')
		return NULL;
	if (dir[0] != '/' && !starts_with_dot(dir) && cdpath != NULL && *cdpath != '\0')
		return NULL;	/* a CDPATH entry may apply, and cd would print */
	if (dir[0] == '/') {
		cur = xa_strdup(dir);
	} else {
		if ((cwd = logical_cwd(sh)) == NULL)
			return NULL;
		cur = join(cwd, dir);
		free(cwd);
	}
	if (canonicalise(cur) != 0) {
		free(cur);
		return NULL;
	}
	return cur;
}

/* chdir() with XCU cd step 9: a path too long for the system is retried
 * relative to the old working directory when it lies below it. */
static int
change_dir(const char *curpath, const char *oldpwd)
{
	size_t n;

	if (chdir(curpath) == 0)
		return 0;
	if (errno != ENAMETOOLONG || oldpwd == NULL)
		return -1;
	n = strlen(oldpwd);
	if (strncmp(curpath, oldpwd, n) == 0 && curpath[n] == '/' &&
	    curpath[n + 1] != '\0')
		return chdir(curpath + n + 1);
	errno = ENAMETOOLONG;
	return -1;
}

/* cd [-L|-P [-e]] [directory] | cd -. XCU cd steps 1-10. Extra operands are
 * an error with status 1, as in bash (dash ignores them, yash returns 2). */
int
bi_cd(struct shell *sh, int argc, char **argv)
{
	static const char usage[] = "cd [-L|-P [-e]] [dir]";
	bool physical = false, eflag = false, print = false;
	const char *dir;
	char *curpath, *oldpwd, *newpwd;
	struct biu_opts o = { .name = "cd", .letters = "LPe", .usage = usage };
	int c, i, status = 0;

	errno = 0;
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		if (c == 'e')
			eflag = true;
		else
			physical = c == 'P';
	}
	i = o.ind;
	if (argc - i > 1) {
		diag_error(sh, "cd: too many arguments");
		return 1;
	}
	if (i == argc) {
		/* Steps 1-2; with HOME unset or empty we fail, as bash and yash. */
		dir = var_get(sh, "HOME");
		if (dir == NULL || *dir == '\0') {
			diag_error(sh, "cd: HOME not set");
			return 1;
		}
	} else if (strcmp(argv[i], "-") == 0) {
		/* "cd -" is cd "$OLDPWD" && pwd */
		dir = var_get(sh, "OLDPWD");
		if (dir == NULL || *dir == '\0') {
			diag_error(sh, "cd: OLDPWD not set");
			return 1;
		}
		print = true;
	} else {
		dir = argv[i];
	}
	if (*dir == '\0') {
		/* POSIX.1-2024 cd: an empty operand is an error (dash and bash
		 * treat it as "."). */
		diag_error(sh, "cd: empty directory name");
		return 1;
	}

	/* Steps 3-6 */
	if (dir[0] == '/' || starts_with_dot(dir))
		curpath = xa_strdup(dir);
	else
		curpath = cdpath_search(sh, dir, &print);

	oldpwd = logical_cwd(sh);
	/* A relative operand in a directory whose name cannot be found (it
	 * was removed, or a parent is unreadable) has no logical path: change
	 * to it physically, as dash does. */
	if (oldpwd == NULL && curpath[0] != '/')
		physical = true;
	/* Steps 7-8: the logical path, built on PWD */
	if (!physical) {
		char *abs = curpath[0] != '/' ? join(oldpwd, curpath) : xa_strdup(curpath);

		if (canonicalise(abs) == 0) {
			free(curpath);
			curpath = abs;
		} else {
			/* Step 8 failed: a dot-dot follows something that is not
			 * a directory. Only when the current directory was removed
			 * can the physical path still work (`cd ..` out of it, as
			 * dash allows); otherwise chdir fails the same way. */
			free(abs);
			physical = true;
		}
	}
	/* Steps 9-10 */
	if (change_dir(curpath, oldpwd) != 0) {
		diag_errno(sh, "cd: %s", dir);
		goto out;
	}
	if (physical) {
		newpwd = getcwd(NULL, 0);
		if (newpwd == NULL) {
			/* -P -e: the directory changed but PWD cannot be set */
			diag_errno(sh, "cd: cannot determine the current directory");
			status = eflag ? 1 : 0;
			free(curpath);
			free(oldpwd);
			return status;
		}
	} else {
		newpwd = curpath;
		curpath = NULL;
	}
	if (oldpwd != NULL && var_set(sh, "OLDPWD", oldpwd, 0) != 0)
		status = 1;
	if (var_set(sh, "PWD", newpwd, 0) != 0)
		status = 1;
	if (print)
		printf("%s\n", newpwd);
	free(newpwd);
	free(curpath);
	free(oldpwd);
	return print ? biu_flush(sh, "cd", status) : status;
out:
	free(curpath);
	free(oldpwd);
	return 1;
}

/* pwd [-L|-P]: the last option wins; -L (the default) prints $PWD when it
 * is valid and otherwise acts as -P (XCU pwd). Operands are a usage error,
 * as in yash (dash ignores them, bash and mksh return 1). */
int
bi_pwd(struct shell *sh, int argc, char **argv)
{
	bool physical = false;
	const char *pwd;
	char *cwd;
	struct biu_opts o = { .name = "pwd", .letters = "LP", .usage = "pwd [-L|-P]" };
	int c;

	errno = 0;
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		physical = c == 'P';
	}
	/* Operands are ignored (dash, bash; XCU leaves them unspecified). */
	pwd = var_get(sh, "PWD");
	if (!physical && pwd_valid(pwd)) {
		printf("%s\n", pwd);
		return biu_flush(sh, "pwd", 0);
	}
	if ((cwd = getcwd(NULL, 0)) == NULL) {
		/* the directory was removed: -L still believes a canonical
		 * $PWD, as logical_cwd() does (bash, dash) */
		if (!physical && errno == ENOENT && is_canonical_abs(pwd)) {
			printf("%s\n", pwd);
			return biu_flush(sh, "pwd", 0);
		}
		diag_errno(sh, "pwd: cannot determine the current directory");
		return 1;
	}
	printf("%s\n", cwd);
	free(cwd);
	return biu_flush(sh, "pwd", 0);
}
