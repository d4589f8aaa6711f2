/* jobs.c: wait, jobs, fg, bg (XCU wait, jobs, fg, bg). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "job.h"
#include "shell.h"

/* wait [pid|%job...]: without operands, waits for every job and returns
 * 0; with operands, the status of the last one (127 if unknown). A trapped
 * signal interrupts the wait with status 128+n (XCU 2.11). */
int
bi_wait(struct shell *sh, int argc, char **argv)
{
	int i = 1, st = 0;

	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		struct job *j, *next;
		for (;;) {
			bool any = false;
			for (j = sh->jobs; j != NULL; j = j->next)
				if (!job_done(j) && !job_stopped(j))
					any = true;
			if (!any)
				break;
			for (j = sh->jobs; j != NULL; j = j->next)
				if (!job_done(j) && !job_stopped(j))
					break;
			if (!job_wait_change(sh, j, true))
				return 128 + (trap_first_pending() ? trap_first_pending() : SIGINT);
		}
		for (j = sh->jobs; j != NULL; j = next) {
			next = j->next;
			if (job_done(j) && !sh->opt.interactive)
				job_free(sh, j);
		}
		return 0;
	}
	for (; i < argc; i++) {
		struct job *j;
		if (argv[i][0] == '%') {
			j = job_find(sh, argv[i], "wait");
			if (j == NULL) {
				st = 127;
				continue;
			}
		} else {
			char *end;
			long pid = strtol(argv[i], &end, 10);
			if (*end != '\0' || pid <= 0) {
				diag_error(sh, "wait: %s: bad process id", argv[i]);
				st = 2;
				continue;
			}
			j = NULL;
			for (struct job *k = sh->jobs; k != NULL && j == NULL; k = k->next)
				for (size_t p = 0; p < k->nproc; p++)
					if (k->procs[p].pid == pid)
						j = k;
			if (j == NULL) {
				st = 127;
				continue;
			}
		}
		if (!job_wait_change(sh, j, true))
			return 128 + (trap_first_pending() ? trap_first_pending() : SIGINT);
		st = job_status(sh, j);
		if (job_done(j))
			job_free(sh, j);
	}
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
	if (i < argc) {
		for (; i < argc; i++) {
			j = job_find(sh, argv[i], "jobs");
			if (j == NULL)
				st = 1;
			else
				job_print(sh, j, how);
		}
		return st;
	}
	for (j = sh->jobs; j != NULL; j = next) {
		next = j->next;
		if (j->nproc == 0)
			continue;
		job_print(sh, j, how);
		if (job_done(j))
			job_free(sh, j);
		else
			j->changed = false;
	}
	return 0;
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
