/* user.c: the user database (getpwnam, getpwuid, getpwent) for the static
 * build of spsh.
 *
 * A statically linked glibc cannot safely load the NSS modules that
 * /etc/nsswitch.conf names (libnss_systemd, libnss_sss, libnss_ldap: a
 * static binary that dlopens them crashes or needs the very same glibc
 * build). So in the static build these five functions replace glibc's, for
 * the shell (~user, \u in prompts) and for readline (~ completion, tilde
 * expansion in file names):
 *
 *   1. /etc/passwd is read in the process (the "files" source, which is
 *      what almost every look-up finds);
 *   2. a name or uid not found there is asked of `getent passwd KEY`, a
 *      dynamically linked helper that uses the system's own NSS set-up, run
 *      from a spawn plan (no fork) with its output read from a pipe;
 *   3. getpwent() lists `getent passwd` (every source), or /etc/passwd when
 *      the helper cannot run.
 *
 * The dynamic build (LINK=dynamic, and the sanitizer build) uses glibc's
 * functions and compiles nothing of this file. The results live in static
 * storage, as the standard's interface says: valid until the next call. */
#ifdef SPSH_STATIC
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn/spawn.h"

static const char *const getent_paths[] = { "/usr/bin/getent", "/bin/getent" };

static struct passwd pw_result;
static char *pw_line;		/* the line pw_result points into (heap) */

/* Splits one passwd(5) line in place into `pw`. Returns 0, or -1 if it is
 * malformed. */
static int
parse_line(char *line, struct passwd *pw)
{
	char *f[7];
	int n = 0;
	char *p = line, *end;

	line[strcspn(line, "\n")] = '\0';
	for (;;) {
		f[n++] = p;
		if ((p = strchr(p, ':')) == NULL)
			break;
		*p++ = '\0';
		if (n == 7)
			return -1;
	}
	if (n != 7 || f[0][0] == '\0' || f[0][0] == '+' || f[0][0] == '-')
		return -1;
	pw->pw_name = f[0];
	pw->pw_passwd = f[1];
	errno = 0;
	pw->pw_uid = (uid_t)strtoul(f[2], &end, 10);
	if (*end != '\0' || f[2][0] == '\0' || errno)
		return -1;
	pw->pw_gid = (gid_t)strtoul(f[3], &end, 10);
	if (*end != '\0' || f[3][0] == '\0' || errno)
		return -1;
	pw->pw_gecos = f[4];
	pw->pw_dir = f[5];
	pw->pw_shell = f[6];
	return 0;
}

/* True if the entry `pw` is the one asked for. */
static bool
matches(const struct passwd *pw, const char *name, uid_t uid)
{
	return name != NULL ? strcmp(pw->pw_name, name) == 0 : pw->pw_uid == uid;
}

/* Keeps `line` (heap) as the current result if it matches. */
static struct passwd *
take(char *line, const char *name, uid_t uid)
{
	struct passwd pw;

	if (parse_line(line, &pw) != 0 || !matches(&pw, name, uid)) {
		free(line);
		return NULL;
	}
	free(pw_line);
	pw_line = line;
	pw_result = pw;
	return &pw_result;
}

static struct passwd *
from_files(const char *name, uid_t uid)
{
	FILE *f = fopen("/etc/passwd", "re");
	char *line = NULL;
	size_t cap = 0;
	struct passwd *r = NULL;

	if (f == NULL)
		return NULL;
	while (r == NULL && getline(&line, &cap, f) != -1) {
		char *copy = strdup(line);

		if (copy == NULL)
			break;
		r = take(copy, name, uid);	/* frees copy unless it matches */
	}
	free(line);
	fclose(f);
	return r;
}

/* Runs `getent DB [KEY]` from a spawn plan and returns its output (heap,
 * NUL-terminated), or NULL if it could not run. Also net.c's resolver
 * (`getent ahosts NAME`). */
char *
user_getent(const char *db, const char *key)
{
	char *argv[] = { "getent", (char *)db, (char *)key, NULL };
	struct spawn_plan plan;
	struct spawn_result res;
	struct spawn_op *op;
	char *out = NULL;
	size_t len = 0, cap = 0;
	int fds[2];
	ssize_t n;

	if (pipe2(fds, O_CLOEXEC) != 0)
		return NULL;
	spawn_plan_init(&plan);
	op = spawn_add(&plan, SPAWN_DUP2);
	op->fd = 1;
	op->fd2 = fds[1];
	op = spawn_add(&plan, SPAWN_OPEN);
	op->fd = 2;
	op->path = "/dev/null";
	op->flags = O_WRONLY;
	plan.argv = argv;
	plan.envp = (char *[]){ "PATH=/usr/bin:/bin", "LC_ALL=C", NULL };
	plan.paths = getent_paths;
	plan.npaths = sizeof getent_paths / sizeof getent_paths[0];
	plan.err_prefix = "";
	sigfillset(&plan.sig_default);
	sigemptyset(&plan.mask);
	if (spawn_run(&plan, &res) != 0 || res.failed) {
		spawn_plan_free(&plan);
		close(fds[0]);
		close(fds[1]);
		if (res.pid > 0)
			waitpid(res.pid, NULL, 0);
		return NULL;
	}
	spawn_plan_free(&plan);
	close(fds[1]);
	for (;;) {
		if (len + 4096 + 1 > cap) {
			char *p = realloc(out, cap = cap * 2 + 8192);
			if (p == NULL)
				break;
			out = p;
		}
		n = read(fds[0], out + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fds[0]);
	while (waitpid(res.pid, NULL, 0) < 0 && errno == EINTR)
		;
	if (out != NULL)
		out[len] = '\0';
	return out;
}

static struct passwd *
from_helper(const char *name, uid_t uid)
{
	char key[32];
	char *out;

	if (name == NULL)
		snprintf(key, sizeof key, "%lu", (unsigned long)uid);
	else if (name[0] == '\0' || name[0] == '-')
		return NULL;	/* not a name getent would take as one */
	if ((out = user_getent("passwd", name != NULL ? name : key)) == NULL)
		return NULL;
	return take(out, name, uid);
}

struct passwd *
getpwnam(const char *name)
{
	struct passwd *r = from_files(name, 0);

	return r != NULL ? r : from_helper(name, 0);
}

struct passwd *
getpwuid(uid_t uid)
{
	struct passwd *r = from_files(NULL, uid);

	return r != NULL ? r : from_helper(NULL, uid);
}

/* ---- enumeration: setpwent, getpwent, endpwent ---- */

static char *ent_text;		/* every entry, one per line (heap) */
static size_t ent_pos;
static bool ent_open;

void
setpwent(void)
{
	free(ent_text);
	ent_text = user_getent("passwd", NULL);
	if (ent_text == NULL) {
		FILE *f = fopen("/etc/passwd", "re");
		size_t cap = 0;

		if (f != NULL) {
			if (getdelim(&ent_text, &cap, '\0', f) == -1) {
				free(ent_text);
				ent_text = NULL;
			}
			fclose(f);
		}
	}
	ent_pos = 0;
	ent_open = true;
}

struct passwd *
getpwent(void)
{
	if (!ent_open)
		setpwent();
	while (ent_text != NULL && ent_text[ent_pos] != '\0') {
		char *start = ent_text + ent_pos;
		size_t n = strcspn(start, "\n");
		char *line = strndup(start, n);
		struct passwd pw;

		ent_pos += n + (start[n] == '\n');
		if (line == NULL)
			return NULL;
		if (parse_line(line, &pw) == 0) {
			free(pw_line);
			pw_line = line;
			pw_result = pw;
			return &pw_result;
		}
		free(line);
	}
	return NULL;
}

void
endpwent(void)
{
	free(ent_text);
	ent_text = NULL;
	ent_pos = 0;
	ent_open = false;
}
#else
/* ISO C wants a translation unit to declare something. */
typedef int user_dynamic_build;
#endif
