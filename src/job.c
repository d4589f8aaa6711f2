/* job.c: the job table, waiting and job control (see job.h). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "job.h"
#include "shell.h"
#include "signame.h"
#include "spawn/spawn.h"


static struct termios shell_tmodes;
static bool have_tmodes;

enum { JOB_KEEP = 1024 };

struct job *
job_new(struct shell *sh, const char *cmd, bool bg)
{
	struct job *j = calloc(1, sizeof *j), **pp;
	int id = 1, n = 0;
	struct job *k, *next;

	if (j == NULL)
		abort();
	for (k = sh->jobs; k != NULL; k = k->next, n++)
		if (k->id >= id)
			id = k->id + 1;
	/* A script that starts jobs and never waits: keep the table bounded
	 * by forgetting the oldest finished ones (their `wait` gives 127). */
	if (n >= JOB_KEEP) {
		job_reap(sh);
		for (k = sh->jobs; k != NULL && n >= JOB_KEEP / 2; k = next) {
			next = k->next;
			if (k->nproc > 0 && job_done(k)) {
				job_free(sh, k);
				n--;
			}
		}
	}
	j->id = id;
	j->bg = bg;
	j->cmd = cmd != NULL ? strdup(cmd) : NULL;
	for (pp = &sh->jobs; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = j;
	return j;
}

void
job_add_proc(struct shell *sh, struct job *j, pid_t pid)
{
	(void)sh;
	if (j->nproc == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 4;
		j->procs = realloc(j->procs, j->cap * sizeof *j->procs);
		if (j->procs == NULL)
			abort();
	}
	j->procs[j->nproc++] = (struct proc){ .pid = pid };
	if (j->pgid == 0 && sh->opt.monitor && pid > 0)
		j->pgid = pid;
}

void
job_set_done(struct shell *sh, struct job *j, size_t idx, int status)
{
	(void)sh;
	j->procs[idx].done = true;
	j->procs[idx].status = (status & 0xff) << 8;	/* as from wait() */
}

void
job_free(struct shell *sh, struct job *j)
{
	struct job **pp;

	for (pp = &sh->jobs; *pp != NULL; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			break;
		}
	free(j->procs);
	free(j->cmd);
	free(j);
}

void
job_forget_all(struct shell *sh)
{
	/* `jobs` in the subshell still lists them (jobs | wc -l, $(jobs -p):
	 * bash, yash, mksh), as they were at the fork */
	for (struct job *j = sh->jobs, *next; j != NULL; j = next) {
		next = j->next;
		/* the foreground job this subshell is a part of */
		if (j->nproc == 0 || (!j->bg && !job_stopped(j) && !job_done(j)))
			job_free(sh, j);
	}
	if (sh->jobs == NULL)
		return;
	struct job *own = sh->jobs;
	sh->jobs = sh->parent_jobs;	/* an older list goes */
	while (sh->jobs != NULL)
		job_free(sh, sh->jobs);
	sh->parent_jobs = own;
}

bool
job_done(const struct job *j)
{
	size_t i;

	for (i = 0; i < j->nproc; i++)
		if (!j->procs[i].done)
			return false;
	return true;
}

bool
job_stopped(const struct job *j)
{
	size_t i;
	bool any = false;

	for (i = 0; i < j->nproc; i++) {
		if (!j->procs[i].done && !j->procs[i].stopped)
			return false;
		any |= j->procs[i].stopped;
	}
	return any;
}

static int
wstatus(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return 0;
}

int
job_status(struct shell *sh, struct job *j)
{
	size_t i;
	int st = 0;

	if (j->nproc == 0)
		return 0;
	if (job_stopped(j)) {
		for (i = 0; i < j->nproc; i++)
			if (j->procs[i].stopped)
				st = wstatus(j->procs[i].status);
		return st;
	}
	if (sh->opt.pipefail) {
		for (i = 0; i < j->nproc; i++)
			if (wstatus(j->procs[i].status) != 0)
				st = wstatus(j->procs[i].status);
		return st;
	}
	return wstatus(j->procs[j->nproc - 1].status);
}

/* Records a wait status for `pid`. */
static void
record(struct shell *sh, pid_t pid, int st)
{
	struct job *j;
	size_t i;

	for (j = sh->jobs; j != NULL; j = j->next)
		for (i = 0; i < j->nproc; i++)
			if (j->procs[i].pid == pid) {
				struct proc *p = &j->procs[i];
				if (WIFSTOPPED(st)) {
					p->stopped = true;
					/* exit warns again about the new stop */
					sh->warned_stopped = false;
				} else if (WIFCONTINUED(st)) {
					p->stopped = false;
					return;
				} else {
					p->done = true;
					p->stopped = false;
				}
				p->status = st;
				j->changed = true;
				j->notified = false;
				return;
			}
}

/* One waitpid(); returns false if there was nothing (or EINTR with a
 * pending trap). */
static bool
wait_one(struct shell *sh, bool block, bool interruptible)
{
	int st;
	pid_t pid;
	int flags = (block ? 0 : WNOHANG) | WUNTRACED | WCONTINUED;

	for (;;) {
		pid = waitpid(-1, &st, flags);
		if (pid > 0) {
			record(sh, pid, st);
			spawn_async_reap();
			return true;
		}
		if (pid < 0 && errno == EINTR) {
			if (sh->pending_signals && interruptible)
				return false;
			continue;
		}
		return false;
	}
}

void
job_reap(struct shell *sh)
{
	while (sh->jobs != NULL && wait_one(sh, false, true))
		;
	spawn_async_reap();
}

bool
job_wait_change(struct shell *sh, struct job *j, bool wait_stopped)
{
	while (!job_done(j) && !(wait_stopped && job_stopped(j))) {
		/* A trapped signal that came while another child was being
		 * reaped must not be left for after the next blocking wait. */
		if (sh->pending_signals && !sh->in_trap)
			return false;
		if (!wait_one(sh, true, true)) {
			if (sh->pending_signals)
				return false;
			/* ECHILD: nothing left to wait for */
			size_t i;
			for (i = 0; i < j->nproc; i++)
				j->procs[i].done = true;
		}
	}
	return true;
}

bool
job_wait_any(struct shell *sh)
{
	if (sh->pending_signals && !sh->in_trap)
		return false;
	return wait_one(sh, true, true);
}

static const char *
state_text(struct job *j, char *buf, size_t size)
{
	struct proc *last = &j->procs[j->nproc - 1];

	if (job_stopped(j)) {
		size_t i;
		int sig = SIGTSTP;
		for (i = 0; i < j->nproc; i++)
			if (j->procs[i].stopped)
				sig = WSTOPSIG(j->procs[i].status);
		const char *n = signame_from_num(sig);
		if (sig == SIGTSTP || n == NULL)
			snprintf(buf, size, "Stopped");
		else
			snprintf(buf, size, "Stopped (SIG%s)", n);
	} else if (!job_done(j)) {
		snprintf(buf, size, "Running");
	} else if (WIFSIGNALED(last->status)) {
		snprintf(buf, size, "%s%s", strsignal(WTERMSIG(last->status)),
		    WCOREDUMP(last->status) ? " (core dumped)" : "");
	} else if (WEXITSTATUS(last->status) != 0) {
		snprintf(buf, size, "Exit %d", WEXITSTATUS(last->status));
	} else {
		snprintf(buf, size, "Done");
	}
	return buf;
}

static char
job_mark(struct shell *sh, struct job *j)
{
	struct job *k, *cur = NULL, *prev = NULL;

	/* %+ is the most recent stopped job, else the most recent job */
	for (k = sh->jobs; k != NULL; k = k->next) {
		if (job_stopped(k) || cur == NULL || !job_stopped(cur)) {
			if (cur == NULL || job_stopped(k) || !job_stopped(cur)) {
				prev = cur;
				cur = k;
			}
		}
	}
	if (j == cur)
		return '+';
	if (j == prev)
		return '-';
	return ' ';
}

void
job_print(struct shell *sh, struct job *j, int how)
{
	char st[64];

	if (how == 2) {
		printf("%ld\n", (long)(j->pgid ? j->pgid : j->procs[0].pid));
		return;
	}
	/* bash's layout: the state in 24 columns, " &" after a running
	 * background job */
	const char *amp = j->bg && !job_done(j) && !job_stopped(j) ? " &" : "";
	if (how == 1)
		printf("[%d]%c  %ld %-23s %s%s\n", j->id, job_mark(sh, j),
		    (long)(j->pgid ? j->pgid : j->procs[0].pid),
		    state_text(j, st, sizeof st), j->cmd ? j->cmd : "", amp);
	else
		printf("[%d]%c  %-23s %s%s\n", j->id, job_mark(sh, j),
		    state_text(j, st, sizeof st), j->cmd ? j->cmd : "", amp);
}

void
job_notify(struct shell *sh)
{
	struct job *j, *next;

	job_reap(sh);
	for (j = sh->jobs; j != NULL; j = next) {
		next = j->next;
		if (!j->changed || j->nproc == 0)
			continue;
		if (job_done(j)) {
			if (sh->opt.interactive && j->bg)
				job_print(sh, j, 0);
			job_free(sh, j);
		} else if (job_stopped(j) && !j->notified) {
			if (sh->opt.interactive)
				job_print(sh, j, 0);
			j->notified = true;
			j->changed = false;
		}
	}
	fflush(stdout);
}

void
job_give_terminal(struct shell *sh, pid_t pgid)
{
	if (sh->tty_fd >= 0 && sh->opt.monitor)
		tcsetpgrp(sh->tty_fd, pgid);
}

void
job_child_take_terminal(struct shell *sh, pid_t pgid)
{
	sigset_t ttou, old;

	/* SIGTTOU has its default action again in a subshell
	 * (trap_subshell_reset), and we are not yet in the foreground */
	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, &old);
	tcsetpgrp(sh->tty_fd, pgid);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void
job_take_terminal(struct shell *sh)
{
	if (sh->tty_fd < 0 || !sh->opt.monitor)
		return;
	tcsetpgrp(sh->tty_fd, sh->pgid);
	if (have_tmodes)
		tcsetattr(sh->tty_fd, TCSADRAIN, &shell_tmodes);
}

void
job_monitor_changed(struct shell *sh)
{
	if (sh->opt.monitor && sh->tty_fd >= 0 && tcgetattr(sh->tty_fd, &shell_tmodes) == 0)
		have_tmodes = true;
}

void
job_init(struct shell *sh)
{
	(void)sh;
	opt_on_monitor(job_monitor_changed);
}

void
job_check_winsize(struct shell *sh)
{
	struct winsize ws;
	char buf[16];

	if (sh->tty_fd < 0 || ioctl(sh->tty_fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0)
		return;
	snprintf(buf, sizeof buf, "%u", (unsigned)ws.ws_row);
	var_set(sh, "LINES", buf, 0);
	snprintf(buf, sizeof buf, "%u", (unsigned)ws.ws_col);
	var_set(sh, "COLUMNS", buf, 0);
}

void
job_tty_newline(struct shell *sh)
{
	fflush(stderr);
	if (sh->tty_fd < 0 || write(sh->tty_fd, "\n", 1) != 1)
		fputc('\n', stderr);
}

/* Processes of `j` that ended by exit(), not by a signal. */
static size_t
count_exited(const struct job *j)
{
	size_t i, n = 0;

	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].done && WIFEXITED(j->procs[i].status))
			n++;
	return n;
}

/* True when a process of `j` was killed by SIGINT. */
static bool
killed_by_sigint(const struct job *j)
{
	size_t i;

	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].done && WIFSIGNALED(j->procs[i].status) &&
		    WTERMSIG(j->procs[i].status) == SIGINT)
			return true;
	return false;
}

/* An interactive shell's foreground job ended: killed by SIGINT (Ctrl-C
 * went to its process group, not to the shell), the command line is
 * abandoned, as if the shell had got the signal (bash, dash). With a trap
 * on INT, only a loop is left (bash 5.2: the trap does not run, the shell
 * did not get the signal); an ignored INT changes nothing. Stopped
 * (Ctrl-Z), the loops around it are left as by `break` (bash). */
static void
after_fg_job(struct shell *sh, struct job *j, bool stopped)
{
	if (!sh->opt.interactive || sh->subshell || sh->flow != FLOW_NONE)
		return;
	if (stopped) {
		if (sh->loop_depth > 0) {
			sh->flow = FLOW_BREAK;
			sh->flow_count = sh->loop_depth;
		}
		return;
	}
	if (!killed_by_sigint(j))
		return;
	if (sh->traps[SIGINT] == NULL || (sh->traps[SIGINT][0] != '\0' && sh->loop_depth > 0))
		exec_abort(sh, 130);
}

int
job_wait_fg(struct shell *sh, struct job *j)
{
	int st;
	bool wce = trap_wce_begin(sh), caught = false;

	/* XCU 2.11: a trapped signal that arrives while the shell waits for a
	 * foreground command runs its trap after the command has completed
	 * (the caller runs pending traps), so the wait goes on. */
	while (!job_done(j) && !(sh->opt.monitor && job_stopped(j))) {
		size_t exited = wce ? count_exited(j) : 0;
		if (!wait_one(sh, true, false)) {
			size_t i;	/* ECHILD: nothing left to wait for */
			for (i = 0; i < j->nproc; i++)
				j->procs[i].done = true;
		}
		/* a process that exited after the SIGINT caught it */
		if (wce && trap_wce_pending() && count_exited(j) > exited)
			caught = true;
	}
	if (wce)
		trap_wce_end(sh, !caught && killed_by_sigint(j));
	if (j->pgid != 0)
		job_take_terminal(sh);
	if (sh->opt.interactive && sh->shopt.checkwinsize)
		job_check_winsize(sh);
	st = job_status(sh, j);
	if (j->nproc > 1) {
		/* PIPESTATUS of a pipeline (one command: the executor's) */
		int small[16], *ps = j->nproc <= 16 ? small : malloc(j->nproc * sizeof *ps);
		if (ps == NULL)
			abort();
		for (size_t i = 0; i < j->nproc; i++)
			ps[i] = wstatus(j->procs[i].status);
		callstack_pipestatus(sh, ps, j->nproc);
		if (ps != small)
			free(ps);
	}
	if (job_stopped(j)) {
		j->bg = true;
		j->notified = true;
		j->changed = false;
		if (sh->opt.interactive) {
			fputc('\n', stderr);
			job_print(sh, j, 0);
			fflush(stdout);
		}
		after_fg_job(sh, j, true);
		return st;
	}
	/* Report a foreground job killed by a signal other than SIGINT/SIGPIPE. */
	if (sh->opt.interactive && j->nproc > 0) {
		int ls = j->procs[j->nproc - 1].status;
		if (WIFSIGNALED(ls) && WTERMSIG(ls) != SIGINT && WTERMSIG(ls) != SIGPIPE)
			fprintf(stderr, "%s%s\n", strsignal(WTERMSIG(ls)),
			    WCOREDUMP(ls) ? " (core dumped)" : "");
		else if (WIFSIGNALED(ls) && WTERMSIG(ls) == SIGINT)
			job_tty_newline(sh);
	}
	after_fg_job(sh, j, false);
	job_free(sh, j);
	return st;
}

int
job_continue(struct shell *sh, struct job *j, bool fg)
{
	size_t i;
	pid_t target = j->pgid ? -j->pgid : j->procs[0].pid;

	if (!fg && !job_stopped(j) && !job_done(j)) {
		/* bash: a notice, not an error */
		diag_error(sh, "bg: job %d already in background", j->id);
		return 0;
	}
	char mark = job_mark(sh, j);	/* bash: `[2]+ cmd &` */
	for (i = 0; i < j->nproc; i++)
		j->procs[i].stopped = false;
	j->bg = !fg;
	j->changed = false;
	if (fg) {
		printf("%s\n", j->cmd ? j->cmd : "");
		fflush(stdout);
		if (j->pgid)
			job_give_terminal(sh, j->pgid);
		kill(target, SIGCONT);
		return job_wait_fg(sh, j);
	}
	printf("[%d]%c %s &\n", j->id, mark, j->cmd ? j->cmd : "");
	fflush(stdout);
	kill(target, SIGCONT);
	return 0;
}

struct job *
job_find(struct shell *sh, const char *spec, const char *who)
{
	struct job *j, *found = NULL;

	if (spec[0] != '%') {
		char *end;
		long pid = strtol(spec, &end, 10);
		if (*end == '\0' && pid > 0)
			for (j = sh->jobs; j != NULL; j = j->next)
				for (size_t i = 0; i < j->nproc; i++)
					if (j->procs[i].pid == pid)
						return j;
		diag_error(sh, "%s: %s: no such job", who, spec);
		return NULL;
	}
	spec++;
	if (*spec == '\0' || strcmp(spec, "%") == 0 || strcmp(spec, "+") == 0 ||
	    strcmp(spec, "-") == 0) {
		char want = *spec == '-' ? '-' : '+';
		for (j = sh->jobs; j != NULL; j = j->next)
			if (job_mark(sh, j) == want)
				return j;
		diag_error(sh, "%s: %%%s: no current job", who, spec);
		return NULL;
	}
	if (spec[0] >= '0' && spec[0] <= '9') {
		int id = atoi(spec);
		for (j = sh->jobs; j != NULL; j = j->next)
			if (j->id == id)
				return j;
	} else {
		bool sub = spec[0] == '?';
		const char *s = sub ? spec + 1 : spec;
		for (j = sh->jobs; j != NULL; j = j->next) {
			const char *c = j->cmd ? j->cmd : "";
			if (sub ? strstr(c, s) != NULL : strncmp(c, s, strlen(s)) == 0) {
				if (found != NULL) {
					diag_error(sh, "%s: %%%s: ambiguous job", who, spec);
					return NULL;
				}
				found = j;
			}
		}
		if (found)
			return found;
	}
	diag_error(sh, "%s: %%%s: no such job", who, spec);
	return NULL;
}

pid_t
job_pgid(struct shell *sh, const char *spec)
{
	struct job *j = job_find(sh, spec, "kill");

	if (j == NULL)
		return 0;
	return j->pgid ? j->pgid : j->procs[0].pid;
}
