/* main.c: start-up (XCU sh: invocation, options, operands), the login
 * and ENV files, and the top-level read-eval loop. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../builtins/cd.h"
#include "../builtins/getopts.h"
#include "exec.h"
#include "path.h"
#include "input.h"
#include "interactive.h"
#include "job.h"
#include "redir.h"
#include "subscript.h"


extern char **environ;


static void
usage(FILE *f)
{
	fputs("usage: spsh [-abCefhilmnsuvx] [-o option]... [-O shopt]... [-c command [name [arg...]]]\n"
	    "       spsh [options] [-s] [arg...]\n"
	    "       spsh [options] file [arg...]\n"
	    "  -i                interactive; -l, --login: login shell (/etc/profile, ~/.profile)\n"
	    "  -O NAME, +O NAME  shopt -s NAME, shopt -u NAME (-O or +O alone: list them)\n"
	    "  --posix           posix mode (also when invoked as sh)\n"
	    "  --norc            an interactive shell does not read ~/.spshrc\n"
	    "  --rcfile FILE     ... reads FILE instead of ~/.spshrc\n"
	    "  --noprofile       a login shell does not read /etc/profile or ~/.profile\n"
	    "  --help, --version, --dump-ast (print the syntax tree, do not run),\n"
	    "  --force-fork      fork instead of spawning (also SPSH_FORCE_FORK=1)\n", f);
}

static void
set_args(struct shell *sh, int argc, char **argv)
{
	int i;

	sh->argc = argc;
	sh->argv = malloc(((size_t)argc + 1) * sizeof *sh->argv);
	if (sh->argv == NULL)
		abort();
	for (i = 0; i < argc; i++)
		sh->argv[i] = strdup(argv[i]);
	sh->argv[argc] = NULL;
	sh->argv_block = sh->argv;
}

/* Runs the file `path` if it exists and is readable (profile, ENV). */
static void
source_file(struct shell *sh, const char *path)
{
	struct input in;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	fd = redir_private_fd(fd);
	input_from_fd(&in, sh, fd, path);
	const char *saved = sh->script_name;
	sh->script_name = path;
	exec_input(sh, &in);
	sh->script_name = saved;
	input_close(&in);
	close(in.fd);	/* it may have moved */
	sh->flow = sh->flow == FLOW_EXIT ? FLOW_EXIT : FLOW_NONE;
}

#ifdef __AFL_FUZZ_TESTCASE_LEN
/* AFL++ persistent mode, compiled only by afl-clang-fast (see
 * tests/fuzz/README): SPSH_AFL=parse reads each test case as -n reads a
 * script; SPSH_AFL=expand sets s to the test case's first line and p to
 * the rest, then runs the -c string (tests/fuzz/expand.sh). */
#include <sys/mman.h>
__AFL_FUZZ_INIT();

static void
afl_loop(struct shell *sh, const char *mode, const char *cmd)
{
	int fd = redir_private_fd(memfd_create("afl", MFD_CLOEXEC));
	unsigned char *buf;

	__AFL_INIT();
	buf = __AFL_FUZZ_TESTCASE_BUF;
	while (__AFL_LOOP(10000)) {
		size_t len = __AFL_FUZZ_TESTCASE_LEN;
		struct input in;

		if (strcmp(mode, "parse") == 0) {
			sh->opt.noexec = true;
			if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, len, 0) != (ssize_t)len)
				abort();
			lseek(fd, 0, SEEK_SET);
			input_from_fd(&in, sh, fd, "fuzz");
			exec_input(sh, &in);
			input_close(&in);
		} else if (cmd != NULL) {
			char *t = strndup((const char *)buf, len);
			char *nl = strchr(t, '\n');
			if (nl != NULL)
				*nl++ = '\0';
			var_set(sh, "s", t, 0);
			var_set(sh, "p", nl != NULL ? nl : "", 0);
			free(t);
			exec_string(sh, cmd, NULL);
		}
		sh->flow = FLOW_NONE;
	}
	exit(0);
}
#endif

static char *
find_self(const char *argv0)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n > 0) {
		buf[n] = '\0';
		return strdup(buf);
	}
	return strchr(argv0, '/') ? realpath(argv0, NULL) : NULL;
}

int
main(int argc, char **argv)
{
	static struct shell shell;
	struct shell *sh = &shell;
	const char *cmd = NULL;
	bool cflag = false, sflag = false, norc = false, noprofile = false;
	bool histexpand_given = false;	/* -H, +H, -o histexpand on the command line */
	bool monitor_given = false;	/* -m or +m: -i does not choose */
	bool hashall_given = false;	/* -h, +h, -o hashall */
	const char *rcfile = NULL;
	/* -O NAME and +O NAME, applied after the shell's own set-up as bash
	 * does (an interactive shell's defaults must not undo them) */
	char **shopt_names = calloc((size_t)argc, sizeof *shopt_names);
	bool *shopt_on = calloc((size_t)argc, sizeof *shopt_on);
	int nshopt = 0;
	int i;

	if (shopt_names == NULL || shopt_on == NULL)
		abort();

	the_shell = sh;
	shell_stack_limit(sh);
	sh->pid = getpid();
	sh->ppid = getppid();
	sh->tty_fd = -1;
	sh->lineno_auto = true;
	sh->opt.interactive_comments = true;
	shopt_init(sh);
	/* invoked as sh (or -sh): posix mode, as bash does */
	{
		const char *base = strrchr(argv[0], '/');
		base = base != NULL ? base + 1 : argv[0];
		if (*base == '-')
			base++;
		opt_set_posix(sh, strcmp(base, "sh") == 0);
	}
	arena_init(&sh->eval);
	sh->arg0 = strdup(argv[0]);
	sh->self_exe = find_self(argv[0]);
	if (argv[0][0] == '-')
		sh->opt.login = true;
	if (getenv("SPSH_FORCE_FORK") != NULL && strcmp(getenv("SPSH_FORCE_FORK"), "1") == 0)
		sh->force_fork = true;
	var_init(sh, environ);
	var_set_arith(arith_eval);
	var_set_subscript(subscript_expand);
	/* the modules that own special variables register their hooks */
	path_init(sh);
	getopts_init(sh);
	job_init(sh);
	exec_init(sh);
	callstack_init(sh);
	locale_init(sh);
	special_init(sh, SPSH_VERSION);

	/* options: XCU sh */
	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		bool on = a[0] == '-';

		if (strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(a, "--version") == 0) {
			printf("spsh %s\n", SPSH_VERSION);
			return 0;
		}
		if (strcmp(a, "--dump-ast") == 0) {
			sh->dump_ast = true;
			sh->opt.noexec = true;
			continue;
		}
		if (strcmp(a, "--posix") == 0) {
			opt_set_posix(sh, true);
			continue;
		}
		if (strcmp(a, "--login") == 0) {
			sh->opt.login = true;
			continue;
		}
		if (strcmp(a, "--verbose") == 0) {	/* bash: -v */
			sh->opt.verbose = true;
			continue;
		}
		if (strcmp(a, "--norc") == 0) {
			norc = true;
			continue;
		}
		if (strcmp(a, "--noprofile") == 0) {
			noprofile = true;
			continue;
		}
		if (strcmp(a, "--rcfile") == 0 || strcmp(a, "--init-file") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "spsh: %s: option requires an argument\n", a);
				return 2;
			}
			rcfile = argv[++i];
			continue;
		}
		if (a[0] == '-' && a[1] == '-' && a[2] != '\0') {
			fprintf(stderr, "spsh: %s: invalid option\n", a);
			usage(stderr);
			return 2;
		}
		if (strcmp(a, "--force-fork") == 0) {
			sh->force_fork = true;
			setenv("SPSH_FORCE_FORK", "1", 1);
			continue;
		}
		if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
			i++;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
			break;
		for (char *c = a + 1; *c; c++) {
			monitor_given |= *c == 'm';
			hashall_given |= *c == 'h';
			switch (*c) {
			case 'c':
				cflag = true;
				break;
			case 's':
				sflag = true;
				break;
			case 'i':
				sh->opt.interactive = on;
				break;
			case 'l':
				sh->opt.login = on;
				break;
			case 'O':
				if (i + 1 >= argc) {
					/* bash: lists the settings, as shopt or
					 * shopt -p, and goes on */
					char *av[] = { "shopt", on ? NULL : "-p", NULL };
					builtin_find_any("shopt")->fn(sh, on ? 1 : 2, av);
					continue;
				}
				shopt_on[nshopt] = on;
				shopt_names[nshopt++] = argv[++i];
				break;
			case 'o':
				if (i + 1 >= argc) {
					opt_print(sh, !on);
					continue;
				}
				if (strcmp(argv[i + 1], "histexpand") == 0)
					histexpand_given = true;
				monitor_given |= strcmp(argv[i + 1], "monitor") == 0;
				hashall_given |= strcmp(argv[i + 1], "hashall") == 0;
				if (opt_set_name(sh, argv[++i], on) != 0) {
					fprintf(stderr, "spsh: %s: bad option name\n", argv[i]);
					return 2;
				}
				break;
			default:
				histexpand_given |= *c == 'H';
				if (opt_set_letter(sh, *c, on) != 0) {
					fprintf(stderr, "spsh: -%c: bad option\n", *c);
					usage(stderr);
					return 2;
				}
			}
		}
	}
	/* -h only records that it is on: commands are always remembered.
	 * It starts on as in bash ($- is "hB..."), off in posix mode, where
	 * $- shows h only after set -h (dash, yash) */
	if (!hashall_given)
		sh->opt.hashall = !sh->opt.posix;
	sh->opt.cmd_string = cflag;
	if (cflag) {
		if (i >= argc) {
			fprintf(stderr, "spsh: -c: option requires an argument\n");
			return 2;
		}
		cmd = argv[i++];
		if (!sh->opt.posix)	/* bash: the -c string, not exported */
			var_set(sh, "BASH_EXECUTION_STRING", cmd, 0);
		if (i < argc) {
			free(sh->arg0);
			sh->arg0 = strdup(argv[i++]);
		}
	} else if (!sflag && i < argc) {
		/* a script file */
		free(sh->arg0);
		sh->arg0 = strdup(argv[i]);
		sh->script_name = sh->arg0;
		i++;
	}
	set_args(sh, argc - i, argv + i);
	if (!cflag && sh->script_name == NULL) {
		sh->opt.stdin_cmds = true;
		if (isatty(0) && isatty(2) && !sh->opt.noexec)
			sh->opt.interactive = true;
	}
	if (sh->opt.interactive) {
		setlocale(LC_ALL, "");
		if (!monitor_given)
			sh->opt.monitor = true;	/* unless +m */
		if (!sh->opt.vi)
			sh->opt.emacs = true;
	}
	/* Started setuid or setgid: without -p, drop to the real ids before
	 * anything else runs (dash, bash); with -p keep them, but read no
	 * ENV or start-up file. */
	bool setid = geteuid() != getuid() || getegid() != getgid();
	if (setid && !sh->opt.privileged)
		opt_drop_privileges();
	if (!setid)
		sh->opt.privileged = false;
	/* bash: root does not take PS4 from the environment (it is expanded,
	 * command substitutions included, at every traced command) */
	if (geteuid() == 0 || setid)
		var_set(sh, "PS4", "+ ", 0);
	trap_init(sh);
	cd_init_pwd(sh);
	{
		char buf[32];
		snprintf(buf, sizeof buf, "%ld", (long)sh->ppid);
		var_set(sh, "PPID", buf, 0);
	}
	if (sh->opt.interactive) {
		/* history expansion is on by default in an interactive shell,
		 * unless the command line said otherwise (`spsh -i +H`) */
		bool he = sh->opt.histexpand;
		interactive_init(sh);
		if (histexpand_given)
			sh->opt.histexpand = he;
	}
	sh->shopt.login_shell = sh->opt.login;
	for (int k = 0; k < nshopt; k++) {
		bool ro, *f = shopt_find(sh, shopt_names[k], &ro);
		if (f == NULL) {
			fprintf(stderr, "spsh: %s: invalid shell option name\n", shopt_names[k]);
			return 2;
		}
		if (!ro)
			*f = shopt_on[k];
	}
	free(shopt_names);
	free(shopt_on);
	job_start(sh);
	/* bash's exported functions (fnenv.c); not for sh or a setuid shell */
	if (!sh->opt.posix && !setid)
		fnenv_import(sh, environ);

	/* Start-up files (see INVOCATION in the man page): the login files,
	 * then for an interactive shell $ENV, or ~/.spshrc when ENV is unset
	 * or empty (not in posix mode, as bash reads only ENV there). They
	 * run before history and readline are set up, so that HISTFILE,
	 * HISTSIZE, INPUTRC and PS1 set there apply to this session. */
	if (sh->opt.login && !noprofile && !sh->opt.privileged) {
		source_file(sh, "/etc/profile");
		const char *home = var_get(sh, "HOME");
		if (home != NULL) {
			char *p = malloc(strlen(home) + 10);
			sprintf(p, "%s/.profile", home);
			source_file(sh, p);
			free(p);
		}
	}
	if (sh->opt.interactive && !sh->opt.privileged && sh->flow != FLOW_EXIT) {
		const char *env = var_get(sh, "ENV");
		if (env != NULL && *env) {
			/* XCU sh: ENV undergoes parameter expansion; only an
			 * absolute path is used */
			char *path = expand_string(sh, env);
			if (path != NULL && *path == '/')
				source_file(sh, path);
			free(path);
		} else if (rcfile != NULL) {
			source_file(sh, rcfile);
		} else if (!norc && !sh->opt.posix) {
			const char *home = var_get(sh, "HOME");
			if (home != NULL && *home != '\0') {
				char *p = malloc(strlen(home) + 10);
				sprintf(p, "%s/.spshrc", home);
				source_file(sh, p);
				free(p);
			}
		}
	}
	if (sh->opt.interactive)
		interactive_ready(sh);
	if (sh->flow == FLOW_EXIT)
		shell_exit(sh, sh->exit_status);

#ifdef __AFL_FUZZ_TESTCASE_LEN
	if (getenv("SPSH_AFL") != NULL)
		afl_loop(sh, getenv("SPSH_AFL"), cmd);
#endif
	struct input in;
	if (cmd != NULL) {
		input_from_string(&in, sh, cmd, NULL);
		sh->says_exit = sh->opt.interactive;
	} else if (sh->script_name != NULL) {
		int fd = open(sh->script_name, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			int e = errno;
			fprintf(stderr, "spsh: %s: %s\n", sh->script_name, strerror(e));
			return e == ENOENT ? 127 : 126;
		}
		/* bash; dash reads a directory as nothing and exits 0 */
		enum input_refusal why = sh->opt.posix ? INPUT_SCRIPT : input_check_script(fd, false);
		if (why != INPUT_SCRIPT) {
			struct strbuf b = STRBUF_INIT;
			diag_sys_prefix(sh, &b);	/* "d: d: Is a directory" */
			sb_printf(&b, "%s: %s\n", sh->script_name,
			          why == INPUT_DIRECTORY ? "Is a directory" : "cannot execute binary file");
			fputs(b.s, stderr);
			sb_free(&b);
			return 126;
		}
		fd = redir_private_fd(fd);
		input_from_fd(&in, sh, fd, sh->script_name);
		/* the bottom of the call stack: FUNCNAME "main" (bash) */
		callstack_push(sh, "main", callstack_intern(sh->script_name), 0);
	} else if (sh->opt.interactive) {
		input_from_readline(&in, sh);
		sh->says_exit = true;
	} else {
		input_from_fd(&in, sh, 0, NULL);
	}
	sh->input = &in;
	/* the end of a -c string or a script file ends the shell, even an
	 * interactive one, without a word (bash) */
	bool prompting = cmd == NULL && sh->script_name == NULL;
	for (;;) {
		exec_input(sh, &in);
		if (!sh->opt.interactive || !prompting || sh->flow == FLOW_EXIT)
			break;
		/* interactive EOF */
		if (sh->opt.ignoreeof) {
			fprintf(stderr, "Use \"exit\" to leave the shell.\n");
			continue;
		}
		/* bash says "exit" (a login shell "logout") at EOF too,
		 * before the stopped-jobs check */
		fputs(sh->opt.login ? "logout\n" : "exit\n", stderr);
		bool stopped = false;
		for (struct job *j = sh->jobs; j; j = j->next)
			stopped |= job_stopped(j);
		if (stopped && !sh->warned_stopped) {
			fprintf(stderr, "There are stopped jobs.\n");
			sh->warned_stopped = true;
			continue;
		}
		break;
	}
	shell_exit(sh, sh->flow == FLOW_EXIT ? sh->exit_status : sh->status);
}
