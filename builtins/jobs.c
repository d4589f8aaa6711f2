/* jobs.c: wait, jobs, fg, bg (XCU wait, jobs, fg, bg). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "job.h"
#include "shell.h"

/* The job of a `wait` operand (%job or pid), or NULL after the message
 * (bash's words). */
static struct job *
wait_operand(struct shell *sh, const char *a, bool quiet_pid)
{
	struct job *j;
	char *end;
	long pid;

	if (a[0] == '%')
		return job_find(sh, a, "wait");
	pid = strtol(a, &end, 10);
	if (*end != '\0' || pid <= 0 || end == a) {
		diag_error(sh, "wait: `%s': not a pid or valid job spec", a);
		return NULL;
	}
	for (j = sh->jobs; j != NULL; j = j->next)
		for (size_t p = 0; p < j->nproc; p++)
			if (j->procs[p].pid == pid)
				return j;
	if (quiet_pid)
		diag_error(sh, "wait: %s: no such job", a);
	else
		diag_error(sh, "wait: pid %s is not a child of this shell", a);
	return NULL;
}

/* A pid operand that is in no job of the table but whose status was
 * kept when its job was reported (job_recall). */
static bool
recalled(struct shell *sh, const char *a, int *st)
{
	char *end;
	long pid = strtol(a, &end, 10);

	if (*a == '\0' || *end != '\0' || pid <= 0)
		return false;
	for (struct job *j = sh->jobs; j != NULL; j = j->next)
		for (size_t p = 0; p < j->nproc; p++)
			if (j->procs[p].pid == pid)
				return false;
	return job_recall((pid_t)pid, st);
}

/* A job `wait` is done with leaves the table; a process substitution's
 * (not a background job) stays for the command that waits for it. */
static void
wait_forget(struct shell *sh, struct job *j)
{
	if (!j->bg)
		return;
	if (job_script_notices(sh)) {	/* bash reports it all the same */
		job_print_to(sh, j, 0, stderr);
		fflush(stderr);
	}
	job_free(sh, j);
}

/* wait -p VAR: the pid of the job waited for (its last process, as $!). */
static void
wait_set_pid(struct shell *sh, const char *var, struct job *j)
{
	char buf[24];

	if (var == NULL || j->nproc == 0)
		return;
	snprintf(buf, sizeof buf, "%ld", (long)j->procs[j->nproc - 1].pid);
	var_set(sh, var, buf, 0);
}

static int
wait_interrupted(void)
{
	return 128 + (trap_first_pending() ? trap_first_pending() : SIGINT);
}

/* wait -n [id...] (bash): the next of the jobs (or of every background
 * job) to finish, a job that finished before and was not waited for
 * first; its status, 127 when there is none. */
static int
wait_next(struct shell *sh, int argc, char **argv, const char *var)
{
	struct job **want = NULL, *j;
	size_t n = 0;
	int st = 127;

	if (argc > 0) {
		want = calloc((size_t)argc, sizeof *want);
		if (want == NULL)
			abort();
		for (int i = 0; i < argc; i++)
			if ((j = wait_operand(sh, argv[i], true)) != NULL)
				want[n++] = j;
		if (n == 0) {
			free(want);
			return 127;
		}
	}
	for (;;) {
		struct job *found = NULL;
		bool alive = false;

		for (j = sh->jobs; j != NULL && found == NULL; j = j->next) {
			bool listed = want == NULL && j->bg && j->nproc > 0;
			for (size_t k = 0; k < n; k++)
				listed |= want[k] == j;
			if (!listed)
				continue;
			if (job_done(j))
				found = j;
			else
				alive = true;
		}
		if (found != NULL) {
			st = job_status(sh, found);
			wait_set_pid(sh, var, found);
			wait_forget(sh, found);
			break;
		}
		if (!alive)
			break;
		if (!job_wait_any(sh)) {
			if (sh->pending_signals) {
				st = wait_interrupted();
				break;
			}
			/* ECHILD: nothing left to wait for */
			for (j = sh->jobs; j != NULL; j = j->next)
				for (size_t k = 0; k < j->nproc; k++)
					j->procs[k].done = true;
		}
	}
	free(want);
	return st;
}

/* wait [-fn] [-p var] [pid|%job...]: without operands, waits for every
 * job and returns 0; with operands, the status of the last one (127 if
 * unknown). A trapped signal interrupts the wait with status 128+n (XCU
 * 2.11). bash's options: -n the next job to finish, -p VAR the pid of the
 * one waited for, -f waits for a stopped job to end (with job control). */
int
bi_wait(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "wait", .letters = "fnp:",
	    .usage = "wait [-fn] [-p var] [id ...]" };
	const char *var = NULL;
	bool next = false, force = false;
	int c, i, st = 0;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		switch (c) {
		case '?': return 2;
		case 'f': force = true; break;
		case 'n': next = true; break;
		case 'p': var = o.arg; break;
		}
	}
	i = o.ind;
	if (var != NULL && var_unset(sh, var) < 0)
		return 1;
	if (next) {
		st = wait_next(sh, argc - i, argv + i, var);
		coproc_reap(sh);
		return st;
	}
	if (i >= argc) {
		struct job *j, *next_j, *last = NULL;
		for (;;) {
			for (j = sh->jobs; j != NULL; j = j->next)
				if (j->bg && !job_done(j) && !job_stopped(j))
					break;
			if (j == NULL)
				break;
			last = j;
			if (!job_wait_change(sh, j, !force))
				return wait_interrupted();
		}
		if (last != NULL)
			wait_set_pid(sh, var, last);
		for (j = sh->jobs; j != NULL; j = next_j) {
			next_j = j->next;
			if (job_done(j) && j->bg && !sh->opt.interactive)
				wait_forget(sh, j);
		}
		coproc_reap(sh);
		return 0;
	}
	for (; i < argc; i++) {
		struct job *j;

		if (sh->procsub_last_pid > 0 && atol(argv[i]) == sh->procsub_last_pid &&
		    strspn(argv[i], "0123456789") == strlen(argv[i])) {
			st = sh->procsub_last_status;	/* wait $! after a <(...) */
			continue;
		}
		if (recalled(sh, argv[i], &st))
			continue;	/* reported and forgotten: its status */
		if ((j = wait_operand(sh, argv[i], false)) == NULL) {
			/* unknown pid or job: 127; not a pid at all: bash's 1,
			 * dash's 2 in posix mode */
			bool num = argv[i][0] == '%' ||
			    (argv[i][0] != '\0' && strspn(argv[i], "0123456789") == strlen(argv[i]));
			st = num ? 127 : sh->opt.posix ? 2 : 1;
			continue;
		}
		if (!job_wait_change(sh, j, !force || !sh->opt.monitor))
			return wait_interrupted();
		st = job_status(sh, j);
		wait_set_pid(sh, var, j);
		if (job_done(j))
			wait_forget(sh, j);
	}
	coproc_reap(sh);
	return st;
}

int
bi_jobs(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "jobs", .letters = "lp", .usage = "jobs [-l|-p] [job...]" };
	int c, how = 0, i, st = 0;
	struct job *j, *next;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		how = c == 'l' ? 1 : 2;
	}
	i = o.ind;
	job_reap(sh);
	/* the user has seen the stopped jobs: the next exit leaves (bash) */
	sh->warned_stopped = true;
	/* a subshell that started no job lists its parent's (job.c) */
	bool parents = sh->jobs == NULL && sh->parent_jobs != NULL;
	if (parents)
		sh->jobs = sh->parent_jobs;
	if (i < argc) {
		for (; i < argc; i++) {
			j = job_find(sh, argv[i], "jobs");
			if (j == NULL)
				st = 1;
			else
				job_print(sh, j, how);
		}
	} else {
		for (j = sh->jobs; j != NULL; j = next) {
			next = j->next;
			if (j->nproc == 0)
				continue;
			job_print(sh, j, how);
			if (job_done(j) && !parents)
				job_free(sh, j);
			else
				j->changed = false;
		}
	}
	if (parents)
		sh->jobs = NULL;
	return st;
}

static int
fgbg(struct shell *sh, int argc, char **argv, bool fg)
{
	struct job *j;
	int st = 0;

	if (!sh->opt.monitor && !sh->opt_monitor_saved) {
		diag_error(sh, "%s: no job control", argv[0]);
		return 1;
	}
	if (argc < 2) {
		j = job_find(sh, "%%", argv[0]);
		if (j == NULL)
			return 1;
		return job_continue(sh, j, fg);
	}
	for (int i = 1; i < argc; i++) {
		j = job_find(sh, argv[i], argv[0]);
		if (j == NULL) {
			st = 1;
			continue;
		}
		st = job_continue(sh, j, fg);
		if (fg)
			break;
	}
	return st;
}

int
bi_fg(struct shell *sh, int argc, char **argv)
{
	return fgbg(sh, argc, argv, true);
}

int
bi_bg(struct shell *sh, int argc, char **argv)
{
	return fgbg(sh, argc, argv, false);
}

/* disown [-h] [-ar] [job...] (bash): the jobs leave the table, so that
 * the shell neither reports nor hangs them up; with -h they stay but are
 * not sent SIGHUP when the shell is hung up or a login shell exits. No
 * operand: the current job, or with -a every job, with -r the running
 * ones. */
int
bi_disown(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "disown", .letters = "ahr",
	    .usage = "disown [-h] [-ar] [jobspec ... | pid ...]" };
	bool all = false, running = false, mark = false;
	struct job *j, *next;
	int c, i, st = 0;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		switch (c) {
		case '?': return 2;
		case 'a': all = true; break;
		case 'h': mark = true; break;
		case 'r': running = true; break;
		}
	}
	i = o.ind;
	job_reap(sh);
	if (i >= argc && (all || running)) {
		for (j = sh->jobs; j != NULL; j = next) {
			next = j->next;
			if (running && (job_done(j) || job_stopped(j)))
				continue;
			if (mark)
				j->nohup = true;
			else
				job_free(sh, j);
		}
		return 0;
	}
	if (i >= argc) {
		j = job_find(sh, "%+", "disown");
		if (j == NULL)
			return 1;
		if (mark)
			j->nohup = true;
		else
			job_free(sh, j);
		return 0;
	}
	for (; i < argc; i++) {
		j = job_find(sh, argv[i], "disown");
		if (j == NULL) {
			st = 1;
			continue;
		}
		if (mark)
			j->nohup = true;
		else
			job_free(sh, j);
	}
	return st;
}

/* suspend [-f] (bash): the shell stops itself until its parent continues
 * it; a login shell only with -f, as it has no parent to come back to. */
int
bi_suspend(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "suspend", .letters = "f", .usage = "suspend [-f]" };
	bool force = false;
	int c;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		force = true;
	}
	if (o.ind < argc)
		return diag_usage(sh, "suspend", o.usage);
	if (sh->opt.login && !force) {
		diag_error(sh, "suspend: cannot suspend a login shell");
		return 1;
	}
	fflush(stdout);
	fflush(stderr);
	if (sh->pgid > 0 && sh->opt.monitor)
		killpg(sh->pgid, SIGSTOP);
	else
		kill(getpid(), SIGSTOP);
	return 0;
}
