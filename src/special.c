/* special.c: bash's dynamic and informational variables, registered
 * through var.c's hook table (DESIGN.md: the module that owns a special
 * variable registers it):
 *
 *	RANDOM		15-bit pseudo-random numbers; assigning seeds them
 *	SRANDOM		32-bit random numbers from the kernel
 *	SECONDS		seconds since start-up, or since the last assignment
 *			plus the value assigned
 *	EPOCHSECONDS EPOCHREALTIME	the time now
 *	BASHPID		the pid of the current (sub)shell, unlike $$
 *	BASH_SUBSHELL	how many subshells deep this process is (bash
 *			counts ( ), $( ), <( ), & and pipeline stages but
 *			those of a builtin); assignable; not in posix mode
 *	SHELLOPTS	the -o names that are on (a:b:c), made when read;
 *			not in posix mode
 *	UID EUID PPID	the ids; an assignment does not change what they
 *			read (bash makes them read-only, but then `set`
 *			output could not be read back, see exec.c)
 *	HOSTNAME HOSTTYPE OSTYPE MACHTYPE SHLVL SPSH_VERSION
 *
 * Unsetting RANDOM, SRANDOM, SECONDS, EPOCHSECONDS, EPOCHREALTIME or
 * BASHPID takes its special meaning away, as in bash; it does not come
 * back. BASH_VERSION is never set: scripts must not take spsh for bash. */
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "path.h"
#include "shell.h"

enum {
	OFF_RANDOM = 1 << 0,
	OFF_SRANDOM = 1 << 1,
	OFF_SECONDS = 1 << 2,
	OFF_EPOCHSECONDS = 1 << 3,
	OFF_EPOCHREALTIME = 1 << 4,
	OFF_BASHPID = 1 << 5,
	OFF_BASH_SUBSHELL = 1 << 6,
};

static unsigned off;			/* variables unset by the user */
static uint32_t rand_state;		/* RANDOM's generator */
static bool rand_seeded;
static time_t seconds_base;		/* SECONDS = now - base */

/* ---- RANDOM ---- */

static void
random_seed(uint32_t seed)
{
	rand_state = seed != 0 ? seed : 0x2545F491u;
	rand_seeded = true;
}

static const char *
random_read(struct shell *sh, char *buf, size_t size)
{
	if (off & OFF_RANDOM)
		return NULL;
	if (!rand_seeded) {
		uint32_t s;
		if (getrandom(&s, sizeof s, GRND_NONBLOCK) != (ssize_t)sizeof s)
			s = (uint32_t)time(NULL) ^ (uint32_t)getpid();
		random_seed(s);
	}
	/* xorshift32: the same seed gives the same sequence */
	rand_state ^= rand_state << 13;
	rand_state ^= rand_state >> 17;
	rand_state ^= rand_state << 5;
	snprintf(buf, size, "%u", (unsigned)(rand_state >> 8) & 0x7fff);
	return buf;
}

static void
random_changed(struct shell *sh, const char *value)
{
	if (value == NULL)
		off |= OFF_RANDOM;
	else
		random_seed((uint32_t)strtoul(value, NULL, 10));
}

/* ---- SRANDOM ---- */

static const char *
srandom_read(struct shell *sh, char *buf, size_t size)
{
	uint32_t r;

	if (off & OFF_SRANDOM)
		return NULL;
	if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
		r = (uint32_t)random();
	snprintf(buf, size, "%u", (unsigned)r);
	return buf;
}

static void
srandom_changed(struct shell *sh, const char *value)
{
	if (value == NULL)
		off |= OFF_SRANDOM;
}

/* ---- SECONDS ---- */

static const char *
seconds_read(struct shell *sh, char *buf, size_t size)
{
	if (off & OFF_SECONDS)
		return NULL;
	snprintf(buf, size, "%ld", (long)(time(NULL) - seconds_base));
	return buf;
}

static void
seconds_changed(struct shell *sh, const char *value)
{
	if (value == NULL)
		off |= OFF_SECONDS;
	else
		seconds_base = time(NULL) - strtol(value, NULL, 10);
}

/* ---- EPOCHSECONDS, EPOCHREALTIME, BASHPID ---- */

static const char *
epochseconds_read(struct shell *sh, char *buf, size_t size)
{
	if (off & OFF_EPOCHSECONDS)
		return NULL;
	snprintf(buf, size, "%ld", (long)time(NULL));
	return buf;
}

static const char *
epochrealtime_read(struct shell *sh, char *buf, size_t size)
{
	struct timespec ts;

	if (off & OFF_EPOCHREALTIME)
		return NULL;
	clock_gettime(CLOCK_REALTIME, &ts);
	snprintf(buf, size, "%ld.%06ld", (long)ts.tv_sec, ts.tv_nsec / 1000);
	return buf;
}

static const char *
bashpid_read(struct shell *sh, char *buf, size_t size)
{
	if (off & OFF_BASHPID)
		return NULL;
	snprintf(buf, size, "%ld", (long)getpid());
	return buf;
}

static const char *
subshell_read(struct shell *sh, char *buf, size_t size)
{
	if (off & OFF_BASH_SUBSHELL || sh->opt.posix)
		return NULL;
	snprintf(buf, size, "%d", sh->subshell_level);
	return buf;
}

static void
subshell_changed(struct shell *sh, const char *value)
{
	if (value == NULL)
		off |= OFF_BASH_SUBSHELL;
	else if (!sh->opt.posix)
		sh->subshell_level = (int)strtol(value, NULL, 10);
}

static const char *
uid_read(struct shell *sh, char *buf, size_t size)
{
	snprintf(buf, size, "%ld", (long)getuid());
	return buf;
}

static const char *
euid_read(struct shell *sh, char *buf, size_t size)
{
	snprintf(buf, size, "%ld", (long)geteuid());
	return buf;
}

/* Outside posix mode only: there a script may use the name for itself. */
static const char *
shellopts_read(struct shell *sh, char *buf, size_t size)
{
	return sh->opt.posix ? NULL : opt_shellopts(sh);
}

static const char *
ppid_read(struct shell *sh, char *buf, size_t size)
{
	snprintf(buf, size, "%ld", (long)sh->ppid);
	return buf;
}

#define OFF_ON_UNSET(fn, bit)						\
	static void fn(struct shell *sh, const char *value)		\
	{								\
		if (value == NULL)					\
			off |= bit;					\
	}
OFF_ON_UNSET(epochseconds_changed, OFF_EPOCHSECONDS)
OFF_ON_UNSET(epochrealtime_changed, OFF_EPOCHREALTIME)
OFF_ON_UNSET(bashpid_changed, OFF_BASHPID)

static const struct var_hook hooks[] = {
	{ "RANDOM", random_changed, random_read },
	{ "SRANDOM", srandom_changed, srandom_read },
	{ "SECONDS", seconds_changed, seconds_read },
	{ "EPOCHSECONDS", epochseconds_changed, epochseconds_read },
	{ "EPOCHREALTIME", epochrealtime_changed, epochrealtime_read },
	{ "BASHPID", bashpid_changed, bashpid_read },
	{ "BASH_SUBSHELL", subshell_changed, subshell_read },
	{ "UID", NULL, uid_read },
	{ "EUID", NULL, euid_read },
	{ "PPID", NULL, ppid_read },
	{ "SHELLOPTS", NULL, shellopts_read },
};

const char *
special_attrs(const char *name)
{
	static const char *const tab[][2] = {
		{ "RANDOM", "-i" }, { "SRANDOM", "-i" }, { "SECONDS", "-i" },
		{ "BASHPID", "-i" }, { "HISTCMD", "-i" }, { "UID", "-ir" },
		{ "EUID", "-ir" }, { "PPID", "-ir" }, { "SHELLOPTS", "-r" },
	};
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (strcmp(tab[i][0], name) == 0)
			return tab[i][1];
	return "--";
}

/* ---- start-up ---- */

static void
set_num(struct shell *sh, const char *name, long v, unsigned flags)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	var_set(sh, name, buf, flags);
}

void
special_init(struct shell *sh, const char *version)
{
	struct utsname u;
	char host[256];
	const char *lvl;
	long shlvl = 0;

	seconds_base = time(NULL);
	for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
		var_hook_add(sh, &hooks[i]);
	/* one uname for both (glibc's gethostname is a uname too) */
	if (uname(&u) == 0) {
		char mt[sizeof u.machine + 32];
		snprintf(host, sizeof host, "%s", u.nodename);
		var_set(sh, "HOSTNAME", host, 0);
		var_set(sh, "HOSTTYPE", u.machine, 0);
		snprintf(mt, sizeof mt, "%s-pc-linux-gnu", u.machine);
		var_set(sh, "MACHTYPE", mt, 0);
	}
	var_set(sh, "OSTYPE", "linux-gnu", 0);
	/* SHLVL counts nested shells: one more than inherited (bash) */
	if ((lvl = var_get(sh, "SHLVL")) != NULL) {
		char *end;
		shlvl = strtol(lvl, &end, 10);
		if (*lvl == '\0' || *end != '\0' || shlvl < 0)
			shlvl = 0;
	}
	set_num(sh, "SHLVL", shlvl + 1, VAR_EXPORT);
	var_set(sh, "SPSH_VERSION", version, 0);
	/* unset at start-up: the default search path, not exported (bash,
	 * dash); SHELL the login shell from the user database (bash) */
	if (var_get(sh, "PATH") == NULL)
		var_set(sh, "PATH", path_default(), 0);
	struct passwd *pw;
	if (!sh->opt.posix && var_get(sh, "SHELL") == NULL && (pw = getpwuid(getuid())) != NULL &&
	    pw->pw_shell != NULL && pw->pw_shell[0] != '\0')
		var_set(sh, "SHELL", pw->pw_shell, 0);
}
