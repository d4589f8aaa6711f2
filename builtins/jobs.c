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
