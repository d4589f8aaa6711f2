/* coproc.c: coprocesses, `coproc [NAME] command` (bash).
 *
 * The command runs asynchronously with its stdin and stdout on two pipes
 * whose other ends the shell keeps: NAME[0] reads what it writes, NAME[1]
 * writes to its stdin; NAME_PID is its pid (and $!). NAME defaults to
 * COPROC. A body that is one external simple command starts from a spawn
 * plan (never a fork); any other body is a subshell (forked).
 *
 * The shell's ends are close-on-exec at 10 or above, so no command the
 * shell starts inherits them, yet they are valid redirection sources
 * (`read <&${COPROC[0]}`, `cmd >&${COPROC[1]}`). Forked subshells close
 * them, as bash does. A second coproc while one runs gets bash's warning
 * and works (bash supports one coproc at a time; both stay usable here).
 *
 * When `wait` has reported a coproc's end (or a new coproc starts after
 * it ended), its fds are closed and NAME, NAME_PID unset. bash does that
 * as soon as it reaps the process, which loses output not read yet; here
 * the output stays readable until the script waits for it. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "executor.h"
#include "job.h"
#include "redir.h"

struct coproc {
	char *name;		/* heap */
	pid_t pid;
	int fd[2];		/* NAME[0] (read end), NAME[1] (write end) */
	dev_t dev[2];		/* their files, to tell a reused number */
	ino_t ino[2];
	struct coproc *next;
};

/* The job holding pid, or NULL. */
static struct job *
job_of(struct shell *sh, pid_t pid)
{
	for (struct job *j = sh->jobs; j != NULL; j = j->next)
		for (size_t i = 0; i < j->nproc; i++)
			if (j->procs[i].pid == pid)
				return j;
	return NULL;
}

static bool
alive(struct shell *sh, struct coproc *c)
{
	struct job *j = job_of(sh, c->pid);

	return j != NULL && !job_done(j);
}

/* Closes the shell's ends that are still the coproc's pipes. */
static void
close_ends(struct coproc *c)
{
	for (int i = 0; i < 2; i++) {
		redir_public_fd(c->fd[i], false);
		if (redir_same_file(c->fd[i], c->dev[i], c->ino[i]))
			close(c->fd[i]);
	}
}

/* Unsets NAME and NAME_PID if they are still this coproc's. */
static void
unset_vars(struct shell *sh, struct coproc *c)
{
	char pidname[strlen(c->name) + 5], buf[24];
	const char *v;

	stpcpy(stpcpy(pidname, c->name), "_PID");
	snprintf(buf, sizeof buf, "%ld", (long)c->pid);
	if ((v = var_get(sh, pidname)) == NULL || strcmp(v, buf) != 0)
		return;
	var_unset(sh, pidname);
	var_unset(sh, c->name);
}

void
coproc_reap(struct shell *sh)
{
	struct coproc **pp = &sh->coprocs, *c;

	while ((c = *pp) != NULL) {
		struct job *j = job_of(sh, c->pid);
		if (j != NULL) {
			pp = &c->next;
			continue;
		}
		close_ends(c);
		unset_vars(sh, c);
		*pp = c->next;
		free(c->name);
		free(c);
	}
}

void
coproc_fork_child(struct shell *sh)
{
	struct coproc *c, *next;

	for (c = sh->coprocs; c != NULL; c = next) {
		next = c->next;
		close_ends(c);
		free(c->name);
		free(c);
	}
	sh->coprocs = NULL;
}

/* Two pipes; the shell's ends moved to 10 or above. fd[0]/fd[1] are the
 * shell's (read, write), child[0]/child[1] the coproc's stdin/stdout. */
static int
make_pipes(struct shell *sh, int fd[2], int child[2])
{
	int in[2], out[2];

	if (pipe2(in, O_CLOEXEC) != 0) {
		diag_errno(sh, "coproc: pipe");
		return -1;
	}
	if (pipe2(out, O_CLOEXEC) != 0) {
		diag_errno(sh, "coproc: pipe");
		close(in[0]);
		close(in[1]);
		return -1;
	}
	fd[0] = redir_private_fd(out[0]);
	fd[1] = redir_private_fd(in[1]);
	child[0] = in[0];
	child[1] = out[1];
	return 0;
}

static void
set_vars(struct shell *sh, struct coproc *c)
{
	char pidname[strlen(c->name) + 5], buf[24];
	struct var *v;

	stpcpy(stpcpy(pidname, c->name), "_PID");
	if (var_unset(sh, c->name) == 0 && (v = var_declare(sh, c->name)) != NULL &&
	    var_make_array(sh, v, false) == 0) {
		for (int i = 0; i < 2; i++) {
			snprintf(buf, sizeof buf, "%d", c->fd[i]);
			var_elem_set(sh, v, i, buf, false);
		}
	}
	snprintf(buf, sizeof buf, "%ld", (long)c->pid);
	var_set(sh, pidname, buf, 0);
}

int
coproc_run(struct shell *sh, struct ast_coproc *n)
{
	struct coproc *c, *old;
	struct job *job;
	int child[2];

	if (!var_is_name(n->name)) {
		diag_error(sh, "`%s': not a valid identifier", n->name);
		return sh->status = 1;
	}
	job_reap(sh);
	coproc_reap(sh);
	for (old = sh->coprocs; old != NULL; old = old->next)
		if (alive(sh, old))
			diag_error(sh, "warning: execute_coproc: coproc [%ld:%s] still exists",
			    (long)old->pid, old->name);
	c = calloc(1, sizeof *c);
	if (c == NULL || (c->name = strdup(n->name)) == NULL)
		abort();
	if (make_pipes(sh, c->fd, child) != 0) {
		free(c->name);
		free(c);
		return sh->status = 1;
	}
	for (int i = 0; i < 2; i++) {
		struct stat st;
		fstat(c->fd[i], &st);
		c->dev[i] = st.st_dev;
		c->ino[i] = st.st_ino;
	}
	/* listed before the start, so that a forked body closes the
	 * shell's ends (its own stdin would never see EOF otherwise) */
	c->next = sh->coprocs;
	sh->coprocs = c;
	job = job_new(sh, NULL, true);
	job->cmd = pipeline_command_text(sh, &n->base, true);
	struct procsub *ps_mark = sh->procsubs;
	pipeline_start(sh, n->body, child[0], child[1], job, RUN_COPROC);
	procsub_detach(sh, ps_mark);	/* not waited for, as for `&` */
	close(child[0]);
	close(child[1]);
	if (job->nproc == 0 || job->procs[job->nproc - 1].pid <= 0) {
		/* an expansion error: nothing runs, as bash */
		int st = job->nproc ? job_status(sh, job) : 1;
		job_free(sh, job);
		sh->coprocs = c->next;
		close_ends(c);
		free(c->name);
		free(c);
		return sh->status = st ? st : 1;
	}
	c->pid = job->procs[job->nproc - 1].pid;
	for (int i = 0; i < 2; i++)
		redir_public_fd(c->fd[i], true);
	set_vars(sh, c);
	sh->last_bg = c->pid;
	if (sh->opt.interactive && sh->opt.monitor)
		fprintf(stderr, "[%d] %ld\n", job->id, (long)c->pid);
	return sh->status = 0;
}
