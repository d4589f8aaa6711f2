/* notfound.c: a simple command that names nothing to run: shopt autocd,
 * bash's command_not_found_handle, and the "command not found" message;
 * and the rewriting of a command into a builtin's operands they share
 * with `%1` (fg). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "executor.h"
#include "job.h"
#include "redir.h"

/* The command's words after `w0` (and `w1` unless NULL): a new argv in
 * the eval arena; *argc counts the words added. */
static char **
prepend_words(struct shell *sh, const struct prep *p, int *argc, const char *w0, const char *w1)
{
	int n = w1 != NULL ? 2 : 1;
	char **argv = arena_alloc(&sh->eval, (size_t)(p->argc + n + 1) * sizeof *argv);
	argv[0] = (char *)w0;
	argv[1] = (char *)w1;
	memcpy(argv + n, p->argv, (size_t)(p->argc + 1) * sizeof *argv);
	*argc = p->argc + n;
	return argv;
}

void
simple_prepend_builtin(struct shell *sh, struct prep *p, const char *bi, const char *opt)
{
	p->argv = prepend_words(sh, p, &p->argc, bi, opt);
	p->bi = builtin_find(bi);
	p->kind = P_REGULAR;
}

bool
simple_autocd(struct shell *sh, struct prep *p, bool nofunc)
{
	struct stat st;
	if (!sh->shopt.autocd || !sh->opt.interactive || sh->opt.posix || nofunc ||
	    stat(p->argv[0], &st) != 0 || !S_ISDIR(st.st_mode))
		return false;
	simple_prepend_builtin(sh, p, "cd", "--");
	for (int i = 0; i < p->argc; i++)
		fprintf(stderr, "%s%s", i > 0 ? " " : "", p->argv[i]);
	fputc('\n', stderr);
	return true;
}

/* bash's command_not_found_handle: a function of that name is called in
 * a child process (what would have run the command) with the command and
 * its arguments; its status is the command's. Only where the command
 * has no slash. A command not found inside the handler is reported as
 * usual (bash calls the handler again, for ever). */
static bool in_not_found_handler;	/* this process is running it */

static int
run_not_found_handler(struct shell *sh, struct prep *p, struct function *fn)
{
	struct job *job = job_new(sh, NULL, false);

	if (sh->opt.monitor && sh->tty_fd >= 0 && !sh->subshell) {
		free(job->cmd);
		job->cmd = pipeline_command_text(sh, &p->c->base, false);
	}
	pid_t pid = subshell_fork(sh);
	if (pid < 0) {
		job_free(sh, job);
		return 2;
	}
	if (pid == 0) {
		struct saved_var *sv;
		int nsv = 0;
		if (sh->opt_monitor_saved)
			job_child_enter(sh, 0, true);
		in_not_found_handler = true;
		if (redir_apply(sh, p->c->base.redirs, NULL) != 0)
			subshell_exit(sh, 1);
		if (simple_assign_temp(sh, p, &sv, &nsv) != 0)
			subshell_exit(sh, 1);
		int argc;
		char **argv = prepend_words(sh, p, &argc, "command_not_found_handle", NULL);
		subshell_exit(sh, exec_function(sh, fn, argc, argv));
	}
	job_add_proc(sh, job, pid);
	if (sh->opt.monitor && sh->tty_fd >= 0)
		setpgid(pid, pid);
	return job_wait_fg(sh, job);
}

int
simple_not_found(struct shell *sh, struct prep *p)
{
	struct redir_undo undo = { 0 };
	struct function *fn;

	if (!simple_assigns_writable(sh, p)) {
		exec_assign_error(sh);
		return 2;
	}
	if (!in_not_found_handler &&
	    (fn = exec_find_function(sh, "command_not_found_handle")) != NULL)
		return run_not_found_handler(sh, p, fn);
	if (redir_apply(sh, p->c->base.redirs, &undo) == 0)
		diag_exec(sh, p->argv[0], NULL, ENOENT);
	redir_undo(sh, &undo);
	return 127;
}
