/* ulimit.c: the ulimit utility (XCU ulimit: -f in 512-byte blocks) with
 * the Linux resources bash offers, in bash's units (kbytes for -d -l -m
 * -s -v; blocks for -c -f: 1024 bytes as bash has them, 512 in posix mode
 * as POSIX, dash and bash --posix) and bash's `ulimit -a` format, which
 * names the unit and the flag of each line (dash's format names neither).
 * Without -H or -S a new value sets both limits and the soft one is shown. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "biutil.h"
#include "shell.h"

#define USAGE "ulimit [-HSa] [-cdefilmnpqrRstuvx] [limit]"

struct res {
	char opt;
	int res;		/* RLIMIT_*, or -1 for the pipe size */
	rlim_t unit;		/* bytes per unit shown */
	const char *desc;
	const char *units;	/* NULL: a count */
};

/* In bash's -a order. */
static const struct res resources[] = {
#ifdef RLIMIT_RTTIME
	{ 'R', RLIMIT_RTTIME, 1, "real-time non-blocking time", "microseconds" },
#endif
	{ 'c', RLIMIT_CORE, 512, "core file size", "blocks" },
	{ 'd', RLIMIT_DATA, 1024, "data seg size", "kbytes" },
	{ 'e', RLIMIT_NICE, 1, "scheduling priority", NULL },
	{ 'f', RLIMIT_FSIZE, 512, "file size", "blocks" },
	{ 'i', RLIMIT_SIGPENDING, 1, "pending signals", NULL },
	{ 'l', RLIMIT_MEMLOCK, 1024, "max locked memory", "kbytes" },
	{ 'm', RLIMIT_RSS, 1024, "max memory size", "kbytes" },
	{ 'n', RLIMIT_NOFILE, 1, "open files", NULL },
	{ 'p', -1, 512, "pipe size", "512 bytes" },
	{ 'q', RLIMIT_MSGQUEUE, 1, "POSIX message queues", "bytes" },
	{ 'r', RLIMIT_RTPRIO, 1, "real-time priority", NULL },
	{ 's', RLIMIT_STACK, 1024, "stack size", "kbytes" },
	{ 't', RLIMIT_CPU, 1, "cpu time", "seconds" },
	{ 'u', RLIMIT_NPROC, 1, "max user processes", NULL },
	{ 'v', RLIMIT_AS, 1024, "virtual memory", "kbytes" },
	{ 'x', RLIMIT_LOCKS, 1, "file locks", NULL },
};
#define NRES (sizeof resources / sizeof resources[0])

/* -H -S -a and every resource letter above */
#ifdef RLIMIT_RTTIME
#define LETTERS "HSaRcdefilmnpqrstuvx"
#else
#define LETTERS "HSacdefilmnpqrstuvx"
#endif

static const struct res *
find(char opt)
{
	size_t i;

	for (i = 0; i < NRES; i++)
		if (resources[i].opt == opt)
			return &resources[i];
	return NULL;
}

/* The bytes of one unit of `r`: bash's 1024-byte blocks for -c and -f
 * become POSIX's 512-byte ones in posix mode. */
static rlim_t
unit(struct shell *sh, const struct res *r)
{
	if ((r->opt == 'c' || r->opt == 'f') && !sh->opt.posix)
		return 1024;
	return r->unit;
}

/* Prints the limit of `r` (hard or soft), with bash's label when asked. */
static int
show(struct shell *sh, const struct res *r, bool hard, bool label)
{
	struct rlimit rl;
	rlim_t v;

	if (label) {
		char u[64];

		if (r->units != NULL)
			snprintf(u, sizeof u, "(%s, -%c) ", r->units, r->opt);
		else
			snprintf(u, sizeof u, "(-%c) ", r->opt);
		printf("%-20s %20s", r->desc, u);
	}
	if (r->res < 0) {
		/* the pipe size is fixed: PIPE_BUF bytes */
		printf("%ju\n", (uintmax_t)(PIPE_BUF / r->unit));
		return 0;
	}
	if (getrlimit(r->res, &rl) != 0) {
		diag_errno(sh, "ulimit: %s: cannot get limit", r->desc);
		return 1;
	}
	v = hard ? rl.rlim_max : rl.rlim_cur;
	if (v == RLIM_INFINITY)
		puts("unlimited");
	else
		printf("%ju\n", (uintmax_t)(v / unit(sh, r)));
	return 0;
}

/* Sets the limit of `r` from `arg` ("unlimited", "hard", "soft" or a
 * number of units). Returns the exit status. */
static int
set(struct shell *sh, const struct res *r, const char *arg, bool hard, bool soft)
{
	struct rlimit rl;
	rlim_t v;

	if (r->res < 0) {
		diag_error(sh, "ulimit: %s: cannot modify limit", r->desc);
		return 1;
	}
	if (getrlimit(r->res, &rl) != 0) {
		diag_errno(sh, "ulimit: %s: cannot get limit", r->desc);
		return 1;
	}
	if (strcmp(arg, "unlimited") == 0) {
		v = RLIM_INFINITY;
	} else if (strcmp(arg, "hard") == 0) {
		v = rl.rlim_max;
	} else if (strcmp(arg, "soft") == 0) {
		v = rl.rlim_cur;
	} else {
		const char *p;
		uintmax_t n = 0;

		for (p = arg; *p >= '0' && *p <= '9'; p++) {
			if (n > (UINTMAX_MAX - 9) / 10)
				break;
			n = n * 10 + (uintmax_t)(*p - '0');
		}
		if (p == arg || *p != '\0') {
			diag_error(sh, "ulimit: %s: invalid number", arg);
			return 1;
		}
		if (n > (uintmax_t)(RLIM_INFINITY - 1) / unit(sh, r)) {
			diag_error(sh, "ulimit: %s: limit out of range", arg);
			return 1;
		}
		v = (rlim_t)n * unit(sh, r);
	}
	if (hard)
		rl.rlim_max = v;
	if (soft)
		rl.rlim_cur = v;
	if (setrlimit(r->res, &rl) != 0) {
		diag_errno(sh, "ulimit: %s: cannot modify limit", r->desc);
		return 1;
	}
	if (r->res == RLIMIT_STACK)
		shell_stack_limit(sh);	/* deep recursion errors in time */
	return 0;
}

/* ulimit [-HSa] [-RcdefilmnpqrstuvX...] [limit] */
int
bi_ulimit(struct shell *sh, int argc, char **argv)
{
	const struct res *sel[NRES];
	size_t nsel = 0, i, j;
	bool hard = false, soft = false, all = false;
	struct biu_opts o = { .name = "ulimit", .letters = LETTERS, .usage = USAGE };
	int c, k, status = 0;

	errno = 0;
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		const struct res *r;

		switch (c) {
		case '?': return 2;
		case 'H': hard = true; continue;
		case 'S': soft = true; continue;
		case 'a': all = true; continue;
		default: break;
		}
		r = find((char)c);
		for (j = 0; j < nsel && sel[j] != r; j++)
			;
		if (j == nsel)
			sel[nsel++] = r;
	}
	k = o.ind;
	if (argc - k > 1)
		return diag_usage(sh, "ulimit", USAGE);
	if (all && k < argc) {
		/* -a lists; a limit to set with it is an error (dash, bash) */
		diag_error(sh, "ulimit: %s: too many arguments", argv[k]);
		return 2;
	}
	if (all) {
		for (i = 0; i < NRES; i++)
			status |= show(sh, &resources[i], hard && !soft, true);
		return biu_flush(sh, "ulimit", status);
	}
	if (nsel == 0)
		sel[nsel++] = find('f');	/* XCU ulimit: the file size */
	if (k < argc) {
		if (!hard && !soft)
			hard = soft = true;
		for (i = 0; i < nsel; i++)
			status |= set(sh, sel[i], argv[k], hard, soft);
		return status;
	}
	for (i = 0; i < nsel; i++)
		status |= show(sh, sel[i], hard && !soft, nsel > 1);
	return biu_flush(sh, "ulimit", status);
}
