/* core.c: the builtins that steer the shell itself: : true false exit
 * return break continue eval . exec shift set unset export readonly local.
 * Special builtins (XCU 2.15) set sh->builtin_error on errors so that the
 * executor exits a non-interactive shell. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "biutil.h"
#include "exec.h"
#include "input.h"
#include "job.h"
#include "redir.h"

static int
special_error(struct shell *sh, int status)
{
	sh->builtin_error = true;
	return status;
}

/* "spsh: NAME: usage: USAGE", status 2; all users are special builtins. */
static int
usage_error(struct shell *sh, const char *name, const char *usage)
{
	return special_error(sh, diag_usage(sh, name, usage));
}

/* "spsh: NAME: -x: invalid option" and the usage. */
static int
bad_option(struct shell *sh, const char *name, const char *opt, const char *usage)
{
	diag_error(sh, "%s: %s: invalid option", name, opt);
	return usage_error(sh, name, usage);
}

/* Parses a non-negative decimal count; -1 if invalid. */
static long
count_arg(const char *s)
{
	char *end;
	long n;

	if (*s == '\0')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 0 || errno)
		return -1;
	return n;
}

int
bi_colon(struct shell *sh, int argc, char **argv)
{
	return 0;
}

int
bi_true(struct shell *sh, int argc, char **argv)
{
	return 0;
}

int
bi_false(struct shell *sh, int argc, char **argv)
{
	return 1;
}

/* exec is run by the executor (it needs the command's redirections); this
 * entry exists so that lookup finds it. */
int
bi_exec(struct shell *sh, int argc, char **argv)
{
	return 0;
}

/* An interactive shell with stopped jobs does not exit at once: the first
 * exit says "There are stopped jobs." and fails (bash); the next exit, or an
 * exit after `jobs` has listed them, or Ctrl-D, leaves. The flag is reset
 * when another job stops (job.c). */
static bool
stopped_jobs_warning(struct shell *sh)
{
	if (!sh->opt.interactive || sh->subshell || sh->warned_stopped)
		return false;
	for (struct job *j = sh->jobs; j != NULL; j = j->next)
		if (job_stopped(j)) {
			fprintf(stderr, "There are stopped jobs.\n");
			sh->warned_stopped = true;
			return true;
		}
	return false;
}

int
bi_exit(struct shell *sh, int argc, char **argv)
{
	/* XCU exit: in a trap action, no operand means $? before the trap */
	long n = sh->in_trap ? sh->trap_status : sh->status;
	int i = 1;

	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i + 1 < argc) {
		/* XCU 2.8.1: a special builtin's usage error exits the shell */
		diag_usage(sh, "exit", "exit [n]");
		n = 2;
	} else if (i < argc) {
		char *end;
		errno = 0;
		n = strtol(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0' || errno) {
			diag_error(sh, "exit: %s: numeric argument required", argv[i]);
			n = 2;
		}
	}
	if (stopped_jobs_warning(sh))
		return 1;
	sh->exit_status = (int)(n & 0xff);
	sh->flow = FLOW_EXIT;
	/* In a trap action, "exit" without operand uses the status from
	 * before the trap; we already restored it above. */
	shell_exit(sh, sh->exit_status);
}

int
bi_return(struct shell *sh, int argc, char **argv)
{
	long n = sh->status;
	int i = 1;

	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i + 1 < argc)
		return usage_error(sh, "return", "return [n]");
	if (i < argc) {
		char *end;
		errno = 0;
		n = strtol(argv[i], &end, 10);
		if (*end != '\0' || *argv[i] == '\0' || errno) {
			/* dash and yash: an error that exits the script */
			diag_error(sh, "return: %s: numeric argument required", argv[i]);
			return special_error(sh, 2);
		}
	}
	if (sh->func_depth == 0 && sh->dot_depth == 0) {
		diag_error(sh, "return: not in a function or sourced script");
		return special_error(sh, 1);
	}
	sh->exit_status = (int)(n & 0xff);
	sh->flow = FLOW_RETURN;
	return sh->exit_status;
}

static int
loop_control(struct shell *sh, int argc, char **argv, enum flow f)
{
	long n = 1;

	if (argc > 2)
		return usage_error(sh, argv[0], f == FLOW_BREAK ? "break [n]" : "continue [n]");
	if (argc > 1) {
		n = count_arg(argv[1]);
		if (n < 1) {
			diag_error(sh, "%s: %s: bad number", argv[0], argv[1]);
			return special_error(sh, 1);
		}
	}
	if (sh->loop_depth == 0)
		return 0;	/* POSIX: unspecified; dash and bash do nothing */
	if (n > sh->loop_depth)
		n = sh->loop_depth;
	sh->flow = f;
	sh->flow_count = (int)n;
	return 0;
}

int
bi_break(struct shell *sh, int argc, char **argv)
{
	return loop_control(sh, argc, argv, FLOW_BREAK);
}

int
bi_continue(struct shell *sh, int argc, char **argv)
{
	return loop_control(sh, argc, argv, FLOW_CONTINUE);
}

int
bi_eval(struct shell *sh, int argc, char **argv)
{
	struct strbuf b = STRBUF_INIT;
	int i, st;

	for (i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	sh->status = 0;
	int lineno = sh->lineno;
	st = exec_string(sh, b.s, sh->script_name);
	sh->lineno = lineno;
	sb_free(&b);
	return st;
}

/* `. file [args]`: PATH search for names without '/' (XCU 2.15 dot). */
int
bi_dot(struct shell *sh, int argc, char **argv)
{
	int i = 1;
	char *path;
	int fd, st;
	struct input in;

	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		diag_error(sh, ".: usage: . file [arg...]");
		return special_error(sh, 2);
	}
	if (strchr(argv[i], '/') != NULL) {
		path = strdup(argv[i]);
	} else {
		const char *pv = var_get(sh, "PATH");
		path = NULL;
		/* search PATH for a readable file (need not be executable) */
		const char *s = pv ? pv : "";
		for (;;) {
			const char *colon = strchr(s, ':');
			size_t len = colon ? (size_t)(colon - s) : strlen(s);
			char *cand = malloc(len + strlen(argv[i]) + 2);
			if (len == 0)
				strcpy(cand, argv[i]);
			else
				sprintf(cand, "%.*s/%s", (int)len, s, argv[i]);
			if (access(cand, R_OK) == 0) {
				path = cand;
				break;
			}
			free(cand);
			if (colon == NULL)
				break;
			s = colon + 1;
		}
		if (path == NULL) {
			diag_error(sh, ".: %s: not found", argv[i]);
			return special_error(sh, 1);
		}
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_errno(sh, ".: %s", path);
		free(path);
		return special_error(sh, 1);
	}
	fd = redir_private_fd(fd);
	int saved_argc = sh->argc;
	char **saved_argv = sh->argv;
	bool newargs = i + 1 < argc;
	if (newargs) {
		sh->argc = argc - i - 1;
		sh->argv = malloc((size_t)(sh->argc + 1) * sizeof *sh->argv);
		for (int k = 0; k < sh->argc; k++)
			sh->argv[k] = strdup(argv[i + 1 + k]);
		sh->argv[sh->argc] = NULL;
	}
	const char *saved_name = sh->script_name;
	int saved_line = sh->lineno;
	sh->script_name = path;
	input_from_fd(&in, sh, fd, path);
	sh->dot_depth++;
	sh->status = 0;
	st = exec_input(sh, &in);
	sh->dot_depth--;
	input_close(&in);
	close(fd);
	if (sh->flow == FLOW_RETURN) {
		sh->flow = FLOW_NONE;
		st = sh->exit_status;
	}
	sh->script_name = saved_name;
	sh->lineno = saved_line;
	if (newargs) {
		for (int k = 0; k < sh->argc; k++)
			free(sh->argv[k]);
		free(sh->argv);
		sh->argc = saved_argc;
		sh->argv = saved_argv;
	}
	free(path);
	return st;
}

int
bi_shift(struct shell *sh, int argc, char **argv)
{
	long n = 1;
	int i;

	if (argc > 2)
		return usage_error(sh, "shift", "shift [n]");
	if (argc > 1) {
		n = count_arg(argv[1]);
		if (n < 0) {
			diag_error(sh, "shift: %s: bad number", argv[1]);
			return special_error(sh, 1);
		}
	}
	if (n > sh->argc) {
		diag_error(sh, "shift: can't shift that many");
		return special_error(sh, 1);
	}
	for (i = 0; i < n; i++)
		free(sh->argv[i]);
	memmove(sh->argv, sh->argv + n, (size_t)(sh->argc - n + 1) * sizeof *sh->argv);
	sh->argc -= (int)n;
	return 0;
}

static void
print_value(const char *v)
{
	putchar('\'');
	for (; *v; v++)
		if (*v == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*v);
	putchar('\'');
}

/* set [-abCefhmnuvx] [-o opt] [+o opt] [--] [arg...] */
#define SET_USAGE "set [-+abCefhmnuvx] [-+o option] [--] [arg...]"
int
bi_set(struct shell *sh, int argc, char **argv)
{
	int i;
	bool newargs = false;

	if (argc == 1) {
		struct var **vs = var_sorted(sh);
		for (struct var **v = vs; *v; v++) {
			if ((*v)->value == NULL)
				continue;
			printf("%s=", (*v)->name);
			print_value((*v)->value);
			putchar('\n');
		}
		free(vs);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		bool on = a[0] == '-';
		if (strcmp(a, "--") == 0) {
			i++;
			newargs = true;
			break;
		}
		if (strcmp(a, "-") == 0) {
			/* "set -": turn off -x and -v (historical) */
			sh->opt.xtrace = sh->opt.verbose = false;
			i++;
			newargs = i < argc;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
			break;
		for (char *c = a + 1; *c; c++) {
			if (*c == 'o') {
				if (i + 1 >= argc) {
					opt_print(sh, !on);
					continue;
				}
				if (opt_set_name(sh, argv[++i], on) != 0) {
					diag_error(sh, "set: %s: invalid option name", argv[i]);
					return usage_error(sh, "set", SET_USAGE);
				}
				continue;
			}
			if (*c == 'm' && on && sh->tty_fd < 0 && sh->opt.interactive == false) {
				/* job control needs a terminal; accept quietly */
			}
			if (opt_set_letter(sh, *c, on) != 0) {
				char o[3] = { a[0], *c, '\0' };
				return bad_option(sh, "set", o, SET_USAGE);
			}
		}
	}
	if (i < argc || newargs) {
		for (int k = 0; k < sh->argc; k++)
			free(sh->argv[k]);
		free(sh->argv);
		sh->argc = argc - i;
		sh->argv = malloc((size_t)(sh->argc + 1) * sizeof *sh->argv);
		for (int k = 0; k < sh->argc; k++)
			sh->argv[k] = strdup(argv[i + k]);
		sh->argv[sh->argc] = NULL;
	}
	return 0;
}

int
bi_unset(struct shell *sh, int argc, char **argv)
{
	int i = 1, st = 0;
	char mode = 'v';

	struct biu_opts o = { .name = "unset", .letters = "fv", .usage = "unset [-f|-v] name..." };
	int c;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return special_error(sh, 2);
		mode = (char)c;
	}
	i = o.ind;
	for (; i < argc; i++) {
		if (mode == 'f') {
			exec_unset_function(sh, argv[i]);
			continue;
		}
		if (!var_is_name(argv[i])) {
			diag_error(sh, "unset: %s: bad variable name", argv[i]);
			st = 1;
			continue;
		}
		if (var_unset(sh, argv[i]) != 0)
			st = 1;
	}
	if (st)
		return special_error(sh, st);
	return 0;
}

/* export/readonly [-p] [name[=value]...] */
static int
export_like(struct shell *sh, int argc, char **argv, unsigned flag, const char *what)
{
	struct biu_opts o = { .name = what, .letters = "p", .usage = flag == VAR_EXPORT ?
	    "export [-p] [name[=value]...]" : "readonly [-p] [name[=value]...]" };
	int i, st = 0;

	while ((i = biu_getopt(sh, &o, argc, argv)) != -1)
		if (i == '?')
			return special_error(sh, 2);
	i = o.ind;
	if (i >= argc) {
		struct var **vs = var_sorted(sh);
		for (struct var **v = vs; *v; v++) {
			if (!((*v)->flags & flag))
				continue;
			printf("%s %s", what, (*v)->name);
			if ((*v)->value != NULL) {
				putchar('=');
				print_value((*v)->value);
			}
			putchar('\n');
		}
		free(vs);
		return 0;
	}
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		char *name = eq ? strndup(argv[i], (size_t)(eq - argv[i])) : strdup(argv[i]);
		if (!var_is_name(name)) {
			diag_error(sh, "%s: %s: bad variable name", what, name);
			free(name);
			st = 1;
			continue;
		}
		if (var_set(sh, name, eq ? eq + 1 : NULL, flag) != 0)
			st = 1;
		free(name);
	}
	if (st)
		return special_error(sh, st);
	return 0;
}

int
bi_export(struct shell *sh, int argc, char **argv)
{
	return export_like(sh, argc, argv, VAR_EXPORT, "export");
}

int
bi_readonly(struct shell *sh, int argc, char **argv)
{
	return export_like(sh, argc, argv, VAR_READONLY, "readonly");
}

/* local name[=value]... (the common extension; only inside functions) */
int
bi_local(struct shell *sh, int argc, char **argv)
{
	int i, st = 0;

	if (sh->func_depth == 0) {
		diag_error(sh, "local: not in a function");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		char *name = eq ? strndup(argv[i], (size_t)(eq - argv[i])) : strdup(argv[i]);
		if (!var_is_name(name)) {
			diag_error(sh, "local: %s: bad variable name", name);
			st = 1;
		} else if (var_make_local(sh, name) != 0 ||
		    (eq != NULL && var_set(sh, name, eq + 1, 0) != 0)) {
			st = 1;
		}
		free(name);
	}
	return st;
}
