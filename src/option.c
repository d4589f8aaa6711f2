/* option.c: shell options by letter and by `-o` name (XCU set). */
#include <string.h>
#include <unistd.h>

#include "shell.h"

struct optdef {
	const char *name;	/* as `set -o` spells it */
	char letter;		/* 0: -o only */
	size_t off;
};

#define O(name, letter) { #name, letter, offsetof(struct options, name) }
/* Sorted by name: `set -o` and `set +o` list in this order. The bash
 * extensions (braceexpand ... posix) are listed with the POSIX ones, as
 * bash does; `$-` shows their letters too. */
static const struct optdef opts[] = {
	O(allexport, 'a'),
	O(braceexpand, 'B'),
	O(emacs, 0),
	O(errexit, 'e'),
	O(errtrace, 'E'),
	O(functrace, 'T'),
	O(hashall, 'h'),
	O(histexpand, 'H'),
	O(history, 0),
	O(ignoreeof, 0),
	{ "interactive-comments", 0, offsetof(struct options, interactive_comments) },
	O(monitor, 'm'),
	O(noclobber, 'C'),
	O(noexec, 'n'),
	O(noglob, 'f'),
	O(nolog, 0),
	O(notify, 'b'),
	O(nounset, 'u'),
	O(pipefail, 0),
	O(posix, 0),
	O(privileged, 'p'),
	O(verbose, 'v'),
	O(vi, 0),
	O(xtrace, 'x'),
};
#undef O

static bool *
field(struct shell *sh, const struct optdef *o)
{
	return (bool *)((char *)&sh->opt + o->off);
}

/* Set by the job module (job_init): the monitor option changed. */
static void (*monitor_hook)(struct shell *sh);

void
opt_on_monitor(void (*fn)(struct shell *sh))
{
	monitor_hook = fn;
}

static void
changed(struct shell *sh, const struct optdef *o, bool on)
{
	/* vi and emacs exclude each other */
	if (on && strcmp(o->name, "vi") == 0)
		sh->opt.emacs = false;
	if (on && strcmp(o->name, "emacs") == 0)
		sh->opt.vi = false;
	if (strcmp(o->name, "monitor") == 0 && monitor_hook != NULL)
		monitor_hook(sh);
	if (strcmp(o->name, "posix") == 0)
		opt_set_posix(sh, on);
	if (strcmp(o->name, "privileged") == 0 && !on)
		opt_drop_privileges();
}

/* Sets the effective group and user ids to the real ones (set +p, and a
 * setuid or setgid start without -p, as dash and bash do). */
void
opt_drop_privileges(void)
{
	gid_t g = getgid();
	uid_t u = getuid();

	if (getegid() != g && setresgid(g, g, g) != 0)
		_exit(126);
	if (geteuid() != u && setresuid(u, u, u) != 0)
		_exit(126);
}

void
opt_set_posix(struct shell *sh, bool on)
{
	sh->opt.posix = on;
	sh->opt.braceexpand = !on;
	sh->shopt.xpg_echo = on;
}

/* SHELLOPTS (bash): the -o names that are on, colon-separated, in the
 * order of `set -o`. Its own buffer: the list outgrows var_get's. */
const char *
opt_shellopts(struct shell *sh)
{
	static char buf[512];
	size_t n = 0, i;

	buf[0] = '\0';
	for (i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		size_t len = strlen(opts[i].name);
		if (!*field(sh, &opts[i]) || n + len + 2 > sizeof buf)
			continue;
		if (n > 0)
			buf[n++] = ':';
		memcpy(buf + n, opts[i].name, len + 1);
		n += len;
	}
	return buf;
}

int
opt_set_letter(struct shell *sh, int c, bool on)
{
	size_t i;

	for (i = 0; i < sizeof opts / sizeof opts[0]; i++)
		if (opts[i].letter == c) {
			*field(sh, &opts[i]) = on;
			changed(sh, &opts[i], on);
			return 0;
		}
	return -1;
}

int
opt_set_name(struct shell *sh, const char *name, bool on)
{
	size_t i;

	for (i = 0; i < sizeof opts / sizeof opts[0]; i++)
		if (strcmp(opts[i].name, name) == 0) {
			*field(sh, &opts[i]) = on;
			changed(sh, &opts[i], on);
			return 0;
		}
	return -1;
}

int
opt_get_name(struct shell *sh, const char *name, bool *on)
{
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
		if (strcmp(opts[i].name, name) == 0) {
			*on = *field(sh, &opts[i]);
			return 0;
		}
	return -1;
}

/* $-: the letters of the options that are on, in bash's order (its
 * flags table: lower case, then upper case), then c or s for where the
 * commands come from. Posix mode shows what dash shows: no c. */
const char *
opt_letters(struct shell *sh, char *buf, size_t size)
{
	static const char order[] = "abefhimnpuvxBCEHT";
	size_t i, n = 0;

	for (const char *c = order; *c != '\0' && n + 3 < size; c++) {
		bool on = false;
		if (*c == 'i')
			on = sh->opt.interactive;
		else
			for (i = 0; i < sizeof opts / sizeof opts[0]; i++)
				if (opts[i].letter == *c)
					on = *field(sh, &opts[i]);
		if (on)
			buf[n++] = *c;
	}
	if (sh->opt.cmd_string && !sh->opt.posix && n + 3 < size)
		buf[n++] = 'c';
	if (sh->opt.stdin_cmds && n + 3 < size)
		buf[n++] = 's';
	buf[n] = '\0';
	return buf;
}

const char *
opt_name_at(size_t i)
{
	return i < sizeof opts / sizeof opts[0] ? opts[i].name : NULL;
}

void
opt_print(struct shell *sh, bool reusable)
{
	size_t i;

	for (i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		bool on = *field(sh, &opts[i]);
		if (reusable)
			printf("set %co %s\n", on ? '-' : '+', opts[i].name);
		else
			printf("%-15s\t%s\n", opts[i].name, on ? "on" : "off");	/* bash */
	}
}
