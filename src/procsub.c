/* procsub.c: process substitution, <(list) and >(list) (bash, ksh93).
 *
 * The word becomes /dev/fd/N, N being the shell's end of a pipe whose
 * other end is the list's stdout (<) or stdin (>). When the list is one
 * external simple command it starts from a spawn plan, so
 * `diff <(sort a) <(sort b)` makes three processes and no fork; any other
 * list forks through the subshell module. $! is the last one's pid.
 *
 * Lifetime: exec_node() notes the list head before a command and, after
 * it, procsub_finish() closes the shell's ends opened since (so no fd
 * reaches the next command) and waits for their processes, as bash does
 * at the end of the command. The ends are inheritable (not close-on-exec)
 * while the command runs, since the command opens /dev/fd/N itself. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "executor.h"
#include "job.h"

struct procsub {
	int fd;			/* the shell's end, >= 10; -1 once released */
	struct job *job;	/* its process */
	struct procsub *next;
};

/* Starts `body` for <(body) (dir '<') or >(body) (dir '>') and appends
 * "/dev/fd/N" to `out`. Returns 0, or -1 after a diagnostic. */
int
procsub_start(struct shell *sh, struct ast_node *body, int dir, struct strbuf *out)
{
	int fds[2], mine, theirs, st = 0, saved_status = sh->status;
	struct procsub *ps;
	struct prep p = { 0 };
	bool prepared = false;
	struct job *job;
	pid_t pid = 0;
	struct arena_mark m = arena_mark(&sh->eval);

	if (pipe2(fds, O_CLOEXEC) != 0) {
		diag_errno(sh, "pipe");
		return -1;
	}
	mine = dir == '<' ? fds[0] : fds[1];
	theirs = dir == '<' ? fds[1] : fds[0];
	/* in a pipeline stage, the list's other end is the stage's: <(cat)
	 * reads the stage's stdin, >(cat) writes to its stdout (bash) */
	int other = !sh->procsub_stage ? -1 : dir == '<' ? sh->procsub_io[0] : sh->procsub_io[1];
	if (body != NULL && body->kind == AST_SIMPLE &&
	    simple_is_pure((struct ast_simple *)body)) {
		if (simple_prepare(sh, (struct ast_simple *)body, &p) < 0) {
			simple_prep_free(&p);
			arena_release(&sh->eval, m);
			close(fds[0]);
			close(fds[1]);
			return -1;
		}
		prepared = true;
	}
	job = job_new(sh, NULL, false);
	if (prepared && p.kind == P_EXTERNAL && p.c->assigns == NULL) {
		/* one external command: a spawn plan, never a fork */
		bool mon = sh->opt.monitor;

		simple_xtrace(sh, &p);
		sh->opt.monitor = false;	/* stays in our process group */
		st = plan_spawn(sh, &p, dir == '>' ? theirs : other,
		    dir == '<' ? theirs : other, job, RUN_PIPE);
		sh->opt.monitor = mon;
	} else if ((pid = subshell_fork(sh)) == 0) {
		close(mine);
		if (other >= 0)
			dup2(other, dir == '<' ? 0 : 1);
		dup2(theirs, dir == '<' ? 1 : 0);
		close(theirs);
		sh->opt.monitor = false;
		subshell_run_body(sh, prepared, &p, body);
	} else if (pid < 0) {
		st = 2;
	} else {
		job_add_proc(sh, job, pid);
	}
	simple_prep_free(&p);
	arena_release(&sh->eval, m);
	close(theirs);
	sh->status = saved_status;	/* $? is the command's, not the list's */
	if (st != 0 || job->nproc == 0) {
		job_free(sh, job);
		close(mine);
		return -1;
	}
	job->pgid = 0;
	sh->last_bg = job->procs[job->nproc - 1].pid;
	/* inheritable, at 10 or above, like the fds of {name}> */
	theirs = fcntl(mine, F_DUPFD, 10);
	close(mine);
	if (theirs < 0) {
		diag_errno(sh, "process substitution");
		job_wait_fg(sh, job);
		sh->status = saved_status;
		return -1;
	}
	ps = malloc(sizeof *ps);
	if (ps == NULL)
		abort();
	ps->fd = theirs;
	ps->job = job;
	ps->next = sh->procsubs;
	sh->procsubs = ps;
	sb_printf(out, "/dev/fd/%d", theirs);
	return 0;
}

void
procsub_finish(struct shell *sh, struct procsub *mark)
{
	int saved = sh->status;

	while (sh->procsubs != NULL && sh->procsubs != mark) {
		struct procsub *ps = sh->procsubs;

		sh->procsubs = ps->next;
		if (ps->fd >= 0)
			close(ps->fd);
		pid_t pid = ps->job->nproc > 0 ? ps->job->procs[ps->job->nproc - 1].pid : 0;
		int st = job_wait_fg(sh, ps->job);
		if (pid > 0 && pid == sh->last_bg) {
			sh->procsub_last_pid = pid;
			sh->procsub_last_status = st;
		}
		free(ps);
	}
	sh->status = saved;
}

void
procsub_release(struct shell *sh, struct procsub *mark, bool keep)
{
	for (struct procsub *ps = sh->procsubs; ps != NULL && ps != mark; ps = ps->next) {
		if (ps->fd < 0)
			continue;
		if (keep) {
			fcntl(ps->fd, F_SETFD, FD_CLOEXEC);
			continue;
		}
		close(ps->fd);
		ps->fd = -1;
	}
}

void
procsub_detach(struct shell *sh, struct procsub *mark)
{
	while (sh->procsubs != NULL && sh->procsubs != mark) {
		struct procsub *ps = sh->procsubs;

		sh->procsubs = ps->next;
		if (ps->fd >= 0)
			close(ps->fd);
		free(ps);	/* its job stays, reaped like any other */
	}
}
