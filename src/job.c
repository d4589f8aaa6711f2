/* job.c: the job table, waiting and job control (see job.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "input.h"
#include "job.h"
#include "redir.h"
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
	/* the first process leads the job's group (it made it: plan.c,
	 * pipeline.c, subshell.c use the same test) */
	if (j->pgid == 0 && job_control(sh) && pid > 0)
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
	job_print_to(sh, j, how, stdout);
}

void
job_print_to(struct shell *sh, struct job *j, int how, FILE *f)
{
	char st[64];

	if (how == 2) {
		fprintf(f, "%ld\n", (long)(j->pgid ? j->pgid : j->procs[0].pid));
		return;
	}
	/* bash's layout: the state in 24 columns, " &" after a running
	 * background job */
	const char *amp = j->bg && !job_done(j) && !job_stopped(j) ? " &" : "";
	if (how == 1)
		fprintf(f, "[%d]%c  %ld %-23s %s%s\n", j->id, job_mark(sh, j),
		    (long)(j->pgid ? j->pgid : j->procs[0].pid),
		    state_text(j, st, sizeof st), j->cmd ? j->cmd : "", amp);
	else
		fprintf(f, "[%d]%c  %-23s %s%s\n", j->id, job_mark(sh, j),
		    state_text(j, st, sizeof st), j->cmd ? j->cmd : "", amp);
}

/* Statuses of background jobs that left the table after their report, for
 * a later `wait pid` (XCU wait: the status of a known process ID stays
 * available; bash keeps a list of them too). A small ring: the oldest go. */
enum { RECALL_MAX = 64 };
static struct { pid_t pid; int status; } recall[RECALL_MAX];
static unsigned recall_next;

static void
remember(struct shell *sh, struct job *j)
{
	int st = job_status(sh, j);

	for (size_t i = 0; i < j->nproc; i++)
		if (j->procs[i].pid > 0) {
			recall[recall_next % RECALL_MAX].pid = j->procs[i].pid;
			recall[recall_next % RECALL_MAX].status = st;
			recall_next++;
		}
}

bool
job_recall(pid_t pid, int *status)
{
	for (unsigned i = 0; i < RECALL_MAX; i++)
		if (recall[i].pid == pid && pid > 0) {
			*status = recall[i].status;	/* every time (bash) */
			return true;
		}
	return false;
}

/* bash 5.2 reports jobs in a non-interactive shell with job control when
 * it runs a -c string (not a script file or standard input). */
bool
job_script_notices(const struct shell *sh)
{
	return !sh->opt.interactive && job_control(sh) && sh->input != NULL &&
	    sh->input->kind == INPUT_STRING;
}

void
job_notify(struct shell *sh)
{
	struct job *j, *next;
	bool script = job_script_notices(sh);
	FILE *f = script ? stderr : stdout;

	job_reap(sh);
	for (j = sh->jobs; j != NULL; j = next) {
		next = j->next;
		if (!j->changed || j->nproc == 0)
			continue;
		if (job_done(j)) {
			if ((sh->opt.interactive || script) && j->bg) {
				job_print_to(sh, j, 0, f);
				remember(sh, j);
			}
			job_free(sh, j);
		} else if (job_stopped(j) && !j->notified) {
			if (sh->opt.interactive || script)
				job_print_to(sh, j, 0, f);
			j->notified = true;
			j->changed = false;
		}
	}
	fflush(f);
}

/* ---- job control: process groups and the terminal ----
 *
 * Monitor mode in the shell itself (not in a subshell: dash's rootshell)
 * gives every job a process group of its own, terminal or not (bash; dash
 * and yash turn -m off without one). If the shell also holds the
 * controlling terminal, the foreground job gets it in turn and gives it
 * back. `owns_tty` says the shell took the terminal; a forked subshell
 * inherits it, so that a pipeline stage can take the terminal for its job
 * (pipeline.c, subshell.c). */
static bool owns_tty;
static bool started;		/* job_control_start() ran in this shell */
static pid_t orig_pgrp;		/* the terminal's foreground group before */

bool
job_control(const struct shell *sh)
{
	return sh->opt.monitor && !sh->subshell;
}

bool
job_terminal(const struct shell *sh)
{
	return owns_tty && sh->tty_fd >= 0 && job_control(sh);
}

void
job_give_terminal(struct shell *sh, pid_t pgid)
{
	if (job_terminal(sh))
		tcsetpgrp(sh->tty_fd, pgid);
}

void
job_take_terminal(struct shell *sh)
{
	if (!job_terminal(sh))
		return;
	tcsetpgrp(sh->tty_fd, sh->pgid);
	if (have_tmodes)
		tcsetattr(sh->tty_fd, TCSADRAIN, &shell_tmodes);
}

/* In the child of a job (a forked stage or subshell of a shell with job
 * control): joins the job's process group (0: a new one, this process
 * leads) and takes the terminal for a foreground job. SIGTTOU is blocked
 * meanwhile: the child's dispositions are the subshell's (default) by now,
 * and it asks from a background group. */
void
job_child_enter(struct shell *sh, pid_t pgid, bool fg)
{
	sigset_t ttou, old;

	setpgid(0, pgid);
	if (!fg || !owns_tty || sh->tty_fd < 0)
		return;
	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, &old);
	tcsetpgrp(sh->tty_fd, pgid != 0 ? pgid : getpid());
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* The controlling terminal, as a private fd of the shell: /dev/tty, else
 * whichever of fds 2, 1 and 0 is a terminal (dash). -1 without one. */
int
job_open_tty(void)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY), tty;

	for (int i = 2; fd < 0 && i >= 0; i--)
		if (isatty(i))
			fd = fcntl(i, F_DUPFD_CLOEXEC, 10);
	if (fd < 0)
		return -1;
	tty = redir_private_fd(fd);
	redir_own_fd(&tty);
	return tty;
}

/* Moves the shell into a process group of its own and takes the terminal.
 * An interactive shell started in the background waits until it is in
 * the foreground (it stops itself with SIGTTIN until `fg`, as dash and
 * bash do); a script that is not in the foreground leaves the terminal
 * alone. False if the terminal is not to be had. */
static bool
take_terminal(struct shell *sh, int tty)
{
	pid_t fg;
	struct sigaction old, dfl;

	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	trap_entry_record(SIGTTIN);
	sigaction(SIGTTIN, &dfl, &old);
	for (;;) {
		fg = tcgetpgrp(tty);
		if (fg < 0 || (fg != getpgrp() && !sh->opt.interactive)) {
			sigaction(SIGTTIN, &old, NULL);
			return false;
		}
		if (fg == getpgrp())
			break;
		kill(-getpgrp(), SIGTTIN);
	}
	sigaction(SIGTTIN, &old, NULL);
	orig_pgrp = fg;
	sh->pgid = getpid();
	if (getpgrp() != sh->pgid && setpgid(0, sh->pgid) != 0)
		sh->pgid = getpgrp();	/* a session leader is its group's leader */
	/* SIGTTOU is ignored by now (trap_monitor), or this would stop us */
	tcsetpgrp(tty, sh->pgid);
	return true;
}

static void exit_hook(struct shell *sh);

bool
job_control_start(struct shell *sh)
{
	if (started || sh->subshell)
		return true;
	started = true;
	trap_monitor(sh, true);
	if (sh->tty_fd < 0)
		sh->tty_fd = job_open_tty();
	owns_tty = sh->tty_fd >= 0 && take_terminal(sh, sh->tty_fd);
	if (owns_tty && tcgetattr(sh->tty_fd, &shell_tmodes) == 0)
		have_tmodes = true;
	if (owns_tty && !sh->opt.interactive && sh->exit_hook == NULL)
		sh->exit_hook = exit_hook;
	if (!owns_tty && sh->opt.interactive) {
		/* no job control in this shell (bash, dash) */
		trap_monitor(sh, false);
		started = false;
		return false;
	}
	return true;
}

/* A non-interactive shell leaves: the terminal goes back. */
static void
exit_hook(struct shell *sh)
{
	job_control_end(sh, true);
}

/* The terminal goes back to the process group that had it before
 * job_control_start(), and with `stay` false the shell moves back into
 * that group (set +m in a script, dash's setjobctl(0)). */
void
job_control_end(struct shell *sh, bool stay)
{
	if (!started || sh->subshell)
		return;
	if (owns_tty && orig_pgrp > 0 && orig_pgrp != sh->pgid) {
		if (!stay)
			setpgid(0, orig_pgrp);
		tcsetpgrp(sh->tty_fd, orig_pgrp);
	}
	if (!stay) {
		sh->pgid = 0;
		owns_tty = false;
		started = false;
		trap_monitor(sh, false);
	}
}

static bool job_ready;		/* set by job_start(): options are parsed */

/* The monitor option changed (set -m, set +m, -o monitor). */
void
job_monitor_changed(struct shell *sh)
{
	if (!job_ready || sh->subshell)
		return;
	if (sh->opt.monitor) {
		if (!job_control_start(sh))
			sh->opt.monitor = false;
	} else if (!sh->opt.interactive) {
		job_control_end(sh, false);
	}
}

void
job_start(struct shell *sh)
{
	job_ready = true;
	if (sh->opt.monitor)
		job_monitor_changed(sh);
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
	/* bash: a script with job control reports the background jobs that
	 * ended meanwhile once a foreground one is done */
	if (job_script_notices(sh))
		job_notify(sh);
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
