/* plan.c: starting an external command from a spawn plan (lib/spawn):
 * argv, the environment (assignments before the command, cd's PWD),
 * redirections as plan operations, process group and terminal, signal
 * dispositions, the candidate paths; and exec in place (`exec cmd`, the
 * last command of a subshell or of -c), which replaces the shell. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "executor.h"
#include "job.h"
#include "redir.h"
#include "spawn/spawn.h"

/* `cd` in a plan: PWD and OLDPWD change in the environment as cd would
 * change them, where they are exported. */
static char **
cd_env(struct shell *sh, char **base, const char *dir)
{
	struct var *pwd = var_lookup(sh, "PWD"), *old = var_lookup(sh, "OLDPWD");
	size_t n = 0, m = 0, i;
	char **env;

	while (base[n] != NULL)
		n++;
	env = arena_alloc(&sh->eval, (n + 3) * sizeof *env);
	for (i = 0; i < n; i++)
		if (strncmp(base[i], "PWD=", 4) != 0 && strncmp(base[i], "OLDPWD=", 7) != 0)
			env[m++] = base[i];
	if (pwd != NULL && (pwd->flags & VAR_EXPORT)) {
		char *e = arena_alloc(&sh->eval, strlen(dir) + 5);
		stpcpy(stpcpy(e, "PWD="), dir);
		env[m++] = e;
	}
	if (old != NULL && (old->flags & VAR_EXPORT) && pwd != NULL && pwd->value != NULL) {
		char *e = arena_alloc(&sh->eval, strlen(pwd->value) + 8);
		stpcpy(stpcpy(e, "OLDPWD="), pwd->value);
		env[m++] = e;
	} else if (old != NULL && (old->flags & VAR_EXPORT) && old->value != NULL) {
		char *e = arena_alloc(&sh->eval, strlen(old->value) + 8);
		stpcpy(stpcpy(e, "OLDPWD="), old->value);
		env[m++] = e;
	}
	env[m] = NULL;
	return env;
}

/* The environment of an external command: exported variables plus the
 * command's own assignments. */
static char **
command_env(struct shell *sh, struct prep *p)
{
	char **base = var_environ(sh, &sh->eval);
	struct assign *a;
	size_t n = 0, k, i;
	char **env;

	/* bash: `_` is the command's path in its environment (not in posix
	 * mode: dash and the standard leave it alone) */
	bool underscore = !sh->opt.posix && p->path != NULL;

	if (p->empty_env) {	/* exec -c */
		char **none = arena_alloc(&sh->eval, sizeof *none);
		none[0] = NULL;
		return none;
	}

	if (p->chdir_to != NULL)
		base = cd_env(sh, base, p->chdir_to);
	if (p->c->assigns == NULL && !underscore)
		return base;
	while (base[n] != NULL)
		n++;
	k = underscore;
	for (a = p->c->assigns; a != NULL; a = a->next)
		k++;
	env = arena_alloc(&sh->eval, (n + k + 1) * sizeof *env);
	size_t m = 0;
	for (i = 0; i < n; i++) {
		bool over = underscore && base[i][0] == '_' && base[i][1] == '=';
		for (a = p->c->assigns; a != NULL; a = a->next) {
			size_t l = strlen(a->name);
			if (strncmp(base[i], a->name, l) == 0 && base[i][l] == '=')
				over = true;
		}
		if (!over)
			env[m++] = base[i];
	}
	if (underscore) {
		char *u = arena_alloc(&sh->eval, strlen(p->path) + 3);
		stpcpy(stpcpy(u, "_="), p->path);
		env[m++] = u;
	}
	size_t first = m;	/* the command's own entries start here */
	for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++) {
		size_t nl = strlen(a->name), j;
		char *s = arena_alloc(&sh->eval, nl + strlen(p->avals[i]) + 2);
		stpcpy(stpcpy(stpcpy(s, a->name), "="), p->avals[i]);
		/* a later assignment to the same name wins: x=1 x=2 cmd */
		for (j = first; j < m; j++)
			if (strncmp(env[j], a->name, nl) == 0 && env[j][nl] == '=')
				break;
		env[j] = s;
		if (j == m)
			m++;
	}
	env[m] = NULL;
	return env;
}

/* The prefix of the messages a plan's child writes (diag_prefix: "NAME:
 * line N: "). Kept between commands: it changes only with the file, the
 * line and the mode, and a loop spawns from the same line again and
 * again. */
static const char *
err_prefix(struct shell *sh, const char **sys)
{
	static struct strbuf cached = STRBUF_INIT, sys_cached = STRBUF_INIT;
	static const char *name, *script;
	static int lineno = -1;
	static bool valid, posix;
	const char *n = diag_name(sh);

	if (!valid || name != n || script != sh->script_name || lineno != sh->lineno ||
	    posix != sh->opt.posix || sh->opt.interactive) {
		sb_reset(&cached);
		diag_prefix(sh, &cached);
		sb_reset(&sys_cached);
		diag_sys_prefix(sh, &sys_cached);
		name = n;
		script = sh->script_name;
		lineno = sh->lineno;
		posix = sh->opt.posix;
		valid = true;
	}
	*sys = sys_cached.s;
	return cached.s;
}

/* Spawns an external command from a plan. in/out: pipe fds for a
 * pipeline stage (-1: inherit). Adds the child to `job`. Returns 0, or
 * the status of a launch failure. */
int
plan_spawn(struct shell *sh, struct prep *p, int in, int out, struct job *job,
    enum run_mode mode)
{
	struct spawn_plan plan;
	struct spawn_result res;
	int src[2], dst[2], nmov = 0;
	int ntmp = 0, i, rc;
	int *tmpfds;
	struct redir *r;
	size_t nr = 0;
	const char *paths[1];
	struct spawn_op *op;
	int sig;

	spawn_plan_init(&plan);
	for (r = p->c->base.redirs; r != NULL; r = r->next)
		nr++;
	tmpfds = arena_alloc(&sh->eval, (nr + 1) * sizeof *tmpfds);
	if (in >= 0) {
		src[nmov] = in;
		dst[nmov++] = 0;
	}
	if (out >= 0) {
		src[nmov] = out;
		dst[nmov++] = 1;
	}
	if (nmov)
		spawn_add_moves(&plan, src, dst, (size_t)nmov);
	if (p->chdir_to != NULL) {
		op = spawn_add(&plan, SPAWN_CHDIR);
		op->path = p->chdir_to;
		op->errname = p->chdir_name;
	}
	if (job_control(sh)) {
		op = spawn_add(&plan, SPAWN_SETPGID);
		op->pgid = job->pgid;
		if ((mode == RUN_FG || mode == RUN_PIPE) && job_terminal(sh)) {
			op = spawn_add(&plan, SPAWN_TCSETPGRP);
			op->fd = sh->tty_fd;
			op->pgid = job->pgid;
		}
	}
	if (trap_any_child_default()) {
		for (sig = 1; sig < NSIG; sig++) {
			if (trap_child_default(sh, sig)) {
				op = spawn_add(&plan, SPAWN_SIGDFL);
				op->sig = sig;
			} else if (trap_child_ignore(sh, sig)) {
				op = spawn_add(&plan, SPAWN_SIGIGN);
				op->sig = sig;
			}
		}
	}
	if (mode == RUN_BG && !job_control(sh)) {
		/* XCU 2.9.3.1: asynchronous lists ignore SIGINT and SIGQUIT and
		 * read /dev/null unless job control is on; /dev/null comes
		 * before the command's own redirections, so `cat <&0 &`
		 * reads nothing (dash, ksh; bash keeps the shell's stdin when
		 * a redirection names fd 0). */
		op = spawn_add(&plan, SPAWN_SIGIGN);
		op->sig = SIGINT;
		op = spawn_add(&plan, SPAWN_SIGIGN);
		op->sig = SIGQUIT;
		if (in < 0) {
			op = spawn_add(&plan, SPAWN_OPEN);
			op->fd = 0;
			op->path = "/dev/null";
			op->flags = O_RDONLY;
		}
	}
	if (redir_plan(sh, p->c->base.redirs, &plan, tmpfds, &ntmp) != 0) {
		for (i = 0; i < ntmp; i++)
			close(tmpfds[i]);
		spawn_plan_free(&plan);
		return 1;
	}
	paths[0] = p->path;
	plan.argv = p->argv;
	plan.envp = command_env(sh, p);
	plan.paths = paths;
	plan.npaths = p->path != NULL ? 1 : 0;
	plan.cmdname = p->cmdname != NULL ? p->cmdname : p->argv[0];
	plan.enoexec_interp = sh->self_exe;
	plan.sig_default = *trap_caught_set();
	sigemptyset(&plan.mask);
	plan.err_prefix = err_prefix(sh, &plan.sys_prefix);
	plan.notfound_text = sh->opt.posix ? NULL : DIAG_NOT_FOUND;
	plan.flags = (sh->force_fork ? SPAWN_FORK : 0) |
	    (mode == RUN_BG || mode == RUN_COPROC ? SPAWN_ASYNC : 0);
	fflush(stdout);
	read_sync();	/* the child shares the fds' offsets */
	rc = spawn_run(&plan, &res);
	for (i = 0; i < ntmp; i++)
		close(tmpfds[i]);
	spawn_plan_free(&plan);
	if (rc != 0) {
		diag_errno(sh, "cannot start %s", p->argv[0]);
		return 126;	/* no process (clone: EAGAIN): as bash, not 127 */
	}
	sh->n_spawn++;
	job_add_proc(sh, job, res.pid);
	if (job_control(sh))
		setpgid(res.pid, job->pgid);	/* also in the parent: no race */
	return 0;
}

/* The last command of a forked subshell, or of `spsh -c '...'`, may
 * replace the shell (as `exec` would) when nothing is left to do after it:
 * no trap to run, not even an EXIT trap. One process fewer. */
bool
plan_can_exec_in_place(struct shell *sh)
{
	int sig;

	if (sh->opt.interactive || sh->opt.monitor)
		return false;
	/* a <(...) or >(...) of this command is waited for when it ends:
	 * the shell must outlive the command (tee >(cmd) in a pipeline) */
	if (sh->procsubs != NULL)
		return false;
	for (sig = 0; sig < TRAP_COUNT; sig++)	/* ERR too: it runs after */
		if (sh->traps[sig] != NULL && sh->traps[sig][0] != '\0')
			return false;
	return true;
}

/* Replaces the shell by `path` (signals the shell catches or ignores for
 * itself back to their defaults; a script without #! run by our own
 * binary). Returns only on failure: 127 or 126, after the message, which
 * names the command `cmd` (argv[0] may be exec -a's name). */
static int
execve_here(struct shell *sh, const char *path, const char *cmd, char **argv, char **env)
{
	int sig, n = 0;

	fflush(stdout);
	read_sync();
	for (sig = 1; sig < NSIG; sig++)
		if (trap_child_ignore(sh, sig))
			signal(sig, SIG_IGN);
		else if (sigismember(trap_caught_set(), sig) || trap_child_default(sh, sig))
			signal(sig, SIG_DFL);
	execve(path, argv, env);
	if (errno == ENOEXEC && sh->self_exe != NULL) {
		while (argv[n] != NULL)
			n++;
		char **nargv = arena_alloc(&sh->eval, ((size_t)n + 2) * sizeof *nargv);
		nargv[0] = sh->self_exe;
		nargv[1] = (char *)path;
		for (int i = 1; i < n; i++)
			nargv[i + 1] = argv[i];
		execve(sh->self_exe, nargv, env);
	}
	return diag_exec(sh, cmd, path, errno);
}

int
plan_exec_in_place(struct shell *sh, struct prep *p)
{
	if (!simple_assigns_writable(sh, p))
		return 1;
	if (redir_apply(sh, p->c->base.redirs, NULL) != 0)
		return 1;
	return execve_here(sh, p->path, p->argv[0], p->argv, command_env(sh, p));
}

/* ---- exec, eval, input loop ---- */

/* exec's options outside posix mode (bash): -a NAME is argv[0], -c an
 * empty environment, -l a dash before argv[0]; grouped as in -cla NAME.
 * Posix mode has none (dash): `exec -a x` looks for a command named -a.
 * Returns the index of the command word (argc: none), or -1 after a bad
 * option, reported unless `quiet`. */
struct exec_opts {
	const char *name;
	bool clear_env, login;
};

static int
exec_options(struct shell *sh, int argc, char **argv, struct exec_opts *o, bool quiet)
{
	static const char usage[] = "exec [-cl] [-a name] [command [argument ...]] [redirection ...]";
	int i;

	*o = (struct exec_opts){ 0 };
	if (sh->opt.posix)
		return argc > 1 && strcmp(argv[1], "--") == 0 ? 2 : 1;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		for (const char *c = argv[i] + 1; *c != '\0'; c++) {
			if (*c == 'c') {
				o->clear_env = true;
			} else if (*c == 'l') {
				o->login = true;
			} else if (*c == 'a' && (c[1] != '\0' || i + 1 < argc)) {
				o->name = c[1] != '\0' ? c + 1 : argv[++i];
				break;
			} else {
				if (!quiet) {
					diag_error(sh, *c == 'a' ? "exec: -%c: option requires an argument" :
					    "exec: -%c: invalid option", *c);
					diag_usage(sh, "exec", usage);
				}
				return -1;
			}
		}
	}
	return i;
}

/* argv with exec -a's name and -l's dash in argv[0] (eval arena). */
static char **
exec_argv(struct shell *sh, int argc, char **argv, const struct exec_opts *o)
{
	if (o->name == NULL && !o->login)
		return argv;
	char **nargv = arena_alloc(&sh->eval, ((size_t)argc + 1) * sizeof *nargv);
	memcpy(nargv, argv, ((size_t)argc + 1) * sizeof *nargv);
	if (o->name != NULL)
		nargv[0] = (char *)o->name;
	if (o->login) {
		char *d = arena_alloc(&sh->eval, strlen(nargv[0]) + 2);
		d[0] = '-';
		strcpy(d + 1, nargv[0]);
		nargv[0] = d;
	}
	return nargv;
}

bool
plan_exec_prep(struct shell *sh, struct prep *p)
{
	struct exec_opts o;
	int i;

	if (p->kind != P_SPECIAL || strcmp(p->bi->name, "exec") != 0 || sh->opt.xtrace)
		return false;
	if ((i = exec_options(sh, p->argc, p->argv, &o, true)) < 0 || i >= p->argc)
		return false;
	char *cmd = p->argv[i];
	char *path = strchr(cmd, '/') ? strdup(cmd) : exec_path_search(sh, cmd, simple_prefix_path(p));
	if (path == NULL)
		return false;	/* the subshell says it is not found */
	p->argc -= i;
	p->argv = exec_argv(sh, p->argc, p->argv + i, &o);
	p->cmdname = cmd;
	p->empty_env = o.clear_env;
	p->path = path;
	p->kind = P_EXTERNAL;
	p->bi = NULL;
	return true;
}

/* exec could not run the program: the shell exits (XCU exec), unless
 * shopt -s execfail (bash) keeps it, with the status. */
static void
exec_failed(struct shell *sh, int status)
{
	if (sh->shopt.execfail)
		sh->status = status;
	else
		exec_fatal_error(sh, status);
}

int
exec_replace(struct shell *sh, int argc, char **argv)
{
	char *path;
	char **env;
	struct exec_opts o;
	int i = exec_options(sh, argc, argv, &o, false);

	if (i < 0) {
		exec_fatal_error(sh, 2);
		return 2;
	}
	if (i >= argc)
		return 0;
	argv += i;
	argc -= i;
	const char *cmd = argv[0];
	path = strchr(argv[0], '/') ? strdup(argv[0]) : exec_path_search(sh, argv[0], NULL);
	if (path == NULL) {
		/* bash and dash name the builtin here */
		diag_error(sh, "exec: %s: not found", argv[0]);
		exec_failed(sh, 127);
		return 127;
	}
	argv = exec_argv(sh, argc, argv, &o);
	if (o.clear_env) {
		env = arena_alloc(&sh->eval, sizeof *env);
		env[0] = NULL;
	} else {
		env = var_environ(sh, &sh->eval);
	}
	/* The program is no job of ours: job control ends first, so that
	 * it runs in the group that had the terminal before us and the
	 * terminal is theirs when it exits (dash: setjobctl(0)). */
	bool jc = job_control(sh);
	if (jc)
		job_control_end(sh, false);
	int st = execve_here(sh, path, cmd, argv, env);
	if (jc)
		job_control_start(sh);
	free(path);
	exec_failed(sh, st);
	return st;
}
