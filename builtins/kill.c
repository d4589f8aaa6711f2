/* kill.c: the kill utility (XCU kill): kill [-s sig | -sig | -num] pid...,
 * kill -l [exit_status...]. Job ids (%n) are resolved by the job module
 * and signalled as process groups (or process by process without job
 * control). bash's -n num is accepted too. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "job.h"
#include "shell.h"
#include "signame.h"

#define USAGE "kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]"

/* kill -l [arg...]: with no operand every signal name, one a line in
 * posix mode (as dash and yash, and as XCU kill wants it parsed), else
 * the table that `trap -l` prints, as bash; a number gives its name, an exit status above
 * 128 the name of the signal that caused it (XCU kill), 0 gives EXIT
 * (bash, ksh93), and a name gives its number (bash). */
static int
list(struct shell *sh, int argc, char **argv)
{
	int i, n, status = 0;
	const char *name;

	if (argc == 0 && !sh->opt.posix) {
		signame_print_table();
		return biu_flush(sh, "kill", 0);
	}
	if (argc == 0) {
		for (n = 1; n < signame_max(); n++)
			if ((name = signame_from_num(n)) != NULL)
				puts(name);
		return biu_flush(sh, "kill", 0);
	}
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (isdigit((unsigned char)a[0])) {
			char *end;
			long v;

			errno = 0;
			v = strtol(a, &end, 10);
			if (*end == '\0' && errno == 0 && v > 128)
				v -= 128;
			if (*end == '\0' && errno == 0 && v == 0) {
				puts("EXIT");
				continue;
			}
			name = *end == '\0' && errno == 0 && v > 0 && v < signame_max()
			    ? signame_from_num((int)v) : NULL;
			if (name == NULL) {
				diag_error(sh, "kill: %s: invalid signal specification", a);
				status = 1;
				continue;
			}
			puts(name);
		} else if ((n = signame_to_num(a)) > 0) {
			printf("%d\n", n);
		} else {
			diag_error(sh, "kill: %s: invalid signal specification", a);
			status = 1;
		}
	}
	return biu_flush(sh, "kill", status);
}

/* Parses a signal name or number for -s/-n/-SIG; -1 after a message. */
static int
sig_arg(struct shell *sh, const char *s)
{
	int n = signame_to_num(s);

	if (n < 0)
		diag_error(sh, "kill: %s: invalid signal specification", s);
	return n;
}

/* Sends `sig` to the process (or -group) or job named by `a`. Returns the
 * status for this operand. */
static int
send(struct shell *sh, const char *a, int sig)
{
	pid_t pid;

	if (a[0] == '%') {
		struct job *j = job_find(sh, a, "kill");
		int st = 0;

		if (j == NULL)
			return 1;
		if (j->pgid != 0) {
			pid = -j->pgid;	/* job control: the job's process group */
			if (kill(pid, sig) != 0) {
				diag_errno(sh, "kill: %s", a);
				return 1;
			}
			/* a stopped job would not see the signal until it is
			 * continued (bash continues it) */
			if (job_stopped(j) && sig != SIGKILL && sig != SIGCONT && sig != 0)
				kill(pid, SIGCONT);
			return 0;
		} else {
			/* no process group of its own: each live process */
			for (size_t k = 0; k < j->nproc; k++)
				if (j->procs[k].pid > 0 && !j->procs[k].done &&
				    kill(j->procs[k].pid, sig) != 0 && errno != ESRCH) {
					diag_errno(sh, "kill: %s", a);
					st = 1;
				}
			return st;
		}
	} else {
		const char *p = a + (a[0] == '-');
		char *end;
		long v;

		errno = 0;
		v = strtol(a, &end, 10);
		if (!isdigit((unsigned char)*p) || *end != '\0' || errno != 0 ||
		    v != (pid_t)v) {
			diag_error(sh, "kill: %s: arguments must be process or job IDs", a);
			return 1;
		}
		pid = (pid_t)v;
	}
	if (kill(pid, sig) != 0) {
		diag_errno(sh, "kill: %s", a);
		return 1;
	}
	return 0;
}

/* kill [-s sig | -n num | -sig] pid... | kill -l [status...] */
int
bi_kill(struct shell *sh, int argc, char **argv)
{
	int i = 1, sig = SIGTERM, status = 0;

	/* a background child that has exited is reaped first, so that
	 * `kill -0 $!` fails once it is gone (dash) */
	job_reap(sh);
	errno = 0;
	if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0') {
		const char *a = argv[i];

		if (strcmp(a, "-l") == 0 || strcmp(a, "-L") == 0) {
			i++;
			if (i < argc && strcmp(argv[i], "--") == 0)
				i++;
			return list(sh, argc - i, argv + i);
		}
		if (strcmp(a, "--") == 0) {
			i++;
		} else if (a[1] == 's' || a[1] == 'n') {
			/* -s sig, -ssig (dash, bash), -n num (bash) */
			const char *s = a[2] != '\0' ? a + 2 : i + 1 < argc ? argv[++i] : NULL;

			if (s == NULL)
				return diag_usage(sh, "kill", USAGE);
			if ((sig = sig_arg(sh, s)) < 0)
				return 1;
			i++;
		} else {
			if ((sig = sig_arg(sh, a + 1)) < 0)
				return 1;
			i++;
		}
		if (i < argc && strcmp(argv[i], "--") == 0 && strcmp(a, "--") != 0)
			i++;
	}
	if (i >= argc)
		return diag_usage(sh, "kill", USAGE);
	for (; i < argc; i++)
		status |= send(sh, argv[i], sig);
	return status;
}
