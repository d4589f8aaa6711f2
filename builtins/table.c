/* table.c: the builtin registry, sorted by name, with each entry's POSIX
 * class (XCU 2.15 special builtins vs the rest), which decides whether an
 * error exits a non-interactive shell and whether assignments before the
 * command persist (XCU 2.9.1).
 * A builtin whose file is missing fails the link. */
#include <stdlib.h>
#include <string.h>

#include "shell.h"

#define BI(fn) extern builtin_fn fn;
BI(bi_colon) BI(bi_true) BI(bi_false) BI(bi_dot) BI(bi_break) BI(bi_continue)
BI(bi_eval) BI(bi_exec) BI(bi_exit) BI(bi_export) BI(bi_readonly)
BI(bi_return) BI(bi_set) BI(bi_shift) BI(bi_times) BI(bi_trap) BI(bi_unset)
BI(bi_alias) BI(bi_unalias) BI(bi_bg) BI(bi_fg) BI(bi_jobs) BI(bi_cd)
BI(bi_pwd) BI(bi_command) BI(bi_type) BI(bi_hash) BI(bi_getopts) BI(bi_read)
BI(bi_printf) BI(bi_echo) BI(bi_test) BI(bi_umask) BI(bi_ulimit) BI(bi_kill)
BI(bi_wait) BI(bi_local) BI(bi_declare) BI(bi_mapfile) BI(bi_fc) BI(bi_history) BI(bi_shopt)
BI(bi_builtin) BI(bi_help) BI(bi_dirs) BI(bi_pushd) BI(bi_popd) BI(bi_let)
BI(bi_complete) BI(bi_compgen) BI(bi_compopt) BI(bi_bind)
BI(bi_disown) BI(bi_suspend) BI(bi_logout) BI(bi_enable) BI(bi_caller)
#undef BI

/* Sorted by strcmp (builtin_find_any relies on it, as do listings). */
const struct builtin builtin_table[] = {
	{ ".", bi_dot, BI_SPECIAL },
	{ ":", bi_colon, BI_SPECIAL },
	{ "[", bi_test, BI_REGULAR },
	{ "alias", bi_alias, BI_REGULAR },
	{ "bg", bi_bg, BI_REGULAR },
	{ "bind", bi_bind, BI_REGULAR },
	{ "break", bi_break, BI_SPECIAL },
	{ "builtin", bi_builtin, BI_REGULAR },
	{ "caller", bi_caller, BI_REGULAR },
	{ "cd", bi_cd, BI_REGULAR },
	{ "command", bi_command, BI_REGULAR },
	{ "compgen", bi_compgen, BI_REGULAR },
	{ "complete", bi_complete, BI_REGULAR },
	{ "compopt", bi_compopt, BI_REGULAR },
	{ "continue", bi_continue, BI_SPECIAL },
	{ "declare", bi_declare, BI_REGULAR },
	{ "dirs", bi_dirs, BI_REGULAR },
	{ "disown", bi_disown, BI_REGULAR },
	{ "echo", bi_echo, BI_REGULAR },
	{ "enable", bi_enable, BI_REGULAR },
	{ "eval", bi_eval, BI_SPECIAL },
	{ "exec", bi_exec, BI_SPECIAL },
	{ "exit", bi_exit, BI_SPECIAL },
	{ "export", bi_export, BI_SPECIAL },
	{ "false", bi_false, BI_REGULAR },
	{ "fc", bi_fc, BI_REGULAR },
	{ "fg", bi_fg, BI_REGULAR },
	{ "getopts", bi_getopts, BI_REGULAR },
	{ "hash", bi_hash, BI_REGULAR },
	{ "help", bi_help, BI_REGULAR },
	{ "history", bi_history, BI_REGULAR },
	{ "jobs", bi_jobs, BI_REGULAR },
	{ "kill", bi_kill, BI_REGULAR },
	{ "let", bi_let, BI_REGULAR },
	{ "local", bi_local, BI_REGULAR },
	{ "logout", bi_logout, BI_REGULAR },
	{ "mapfile", bi_mapfile, BI_REGULAR },
	{ "popd", bi_popd, BI_REGULAR },
	{ "printf", bi_printf, BI_REGULAR },
	{ "pushd", bi_pushd, BI_REGULAR },
	{ "pwd", bi_pwd, BI_REGULAR },
	{ "read", bi_read, BI_REGULAR },
	{ "readarray", bi_mapfile, BI_REGULAR },
	{ "readonly", bi_readonly, BI_SPECIAL },
	{ "return", bi_return, BI_SPECIAL },
	{ "set", bi_set, BI_SPECIAL },
	{ "shift", bi_shift, BI_SPECIAL },
	{ "shopt", bi_shopt, BI_REGULAR },
	{ "source", bi_dot, BI_REGULAR },
	{ "suspend", bi_suspend, BI_REGULAR },
	{ "test", bi_test, BI_REGULAR },
	{ "times", bi_times, BI_SPECIAL },
	{ "trap", bi_trap, BI_SPECIAL },
	{ "true", bi_true, BI_REGULAR },
	{ "type", bi_type, BI_REGULAR },
	{ "typeset", bi_declare, BI_REGULAR },
	{ "ulimit", bi_ulimit, BI_REGULAR },
	{ "umask", bi_umask, BI_REGULAR },
	{ "unalias", bi_unalias, BI_REGULAR },
	{ "unset", bi_unset, BI_SPECIAL },
	{ "wait", bi_wait, BI_REGULAR },
};
const size_t builtin_count = sizeof builtin_table / sizeof builtin_table[0];

/* `enable -n NAME` (bash): a disabled builtin is not found by command
 * search, `type`, `command` or `builtin`, so PATH finds the utility. One
 * flag per table entry; a forked subshell inherits them. */
static bool disabled[sizeof builtin_table / sizeof builtin_table[0]];

/* The entries whose names start with byte c are [first[c], first[c] +
 * count[c]) of the sorted table: a look-up compares a few names only
 * (it runs for every simple command). Built on the first call. */
static unsigned char first[256], count[256];

const struct builtin *
builtin_find_any(const char *name)
{
	unsigned char c = (unsigned char)name[0];

	if (count['.'] == 0)
		for (size_t i = builtin_count; i-- > 0;) {
			unsigned char b = (unsigned char)builtin_table[i].name[0];
			first[b] = (unsigned char)i;
			count[b]++;
		}
	for (size_t i = first[c], e = i + count[c]; i < e; i++)
		if (builtin_table[i].name[1] == name[1] &&
		    (name[1] == '\0' || strcmp(builtin_table[i].name + 2, name + 2) == 0))
			return &builtin_table[i];
	return NULL;
}

const struct builtin *
builtin_find(const char *name)
{
	const struct builtin *b = builtin_find_any(name);

	return b != NULL && disabled[b - builtin_table] ? NULL : b;
}

bool
builtin_enabled(const struct builtin *b)
{
	return !disabled[b - builtin_table];
}

void
builtin_enable(const struct builtin *b, bool on)
{
	disabled[b - builtin_table] = !on;
}
