/* signame.c: the signal name table. Names are the XSI ones of <signal.h>
 * plus the Linux extras; realtime signals are named RTMIN+n / RTMAX-n the
 * way bash and `kill -l` of procps show them. */
#include <ctype.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "signame.h"

static const struct {
	int num;
	const char *name;
} sigs[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" },
	{ SIGILL, "ILL" }, { SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" },
	{ SIGBUS, "BUS" }, { SIGFPE, "FPE" }, { SIGKILL, "KILL" },
	{ SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" }, { SIGUSR2, "USR2" },
	{ SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" },
#ifdef SIGSTKFLT
	{ SIGSTKFLT, "STKFLT" },
#endif
	{ SIGCHLD, "CHLD" }, { SIGCONT, "CONT" }, { SIGSTOP, "STOP" },
	{ SIGTSTP, "TSTP" }, { SIGTTIN, "TTIN" }, { SIGTTOU, "TTOU" },
	{ SIGURG, "URG" }, { SIGXCPU, "XCPU" }, { SIGXFSZ, "XFSZ" },
	{ SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" }, { SIGWINCH, "WINCH" },
#ifdef SIGIO
	{ SIGIO, "IO" },
#endif
#ifdef SIGPWR
	{ SIGPWR, "PWR" },
#endif
	{ SIGSYS, "SYS" },
};
/* Accepted on input only: other spellings of the same signals. */
static const struct {
	int num;
	const char *name;
} aliases[] = {
	{ SIGABRT, "IOT" }, { SIGCHLD, "CLD" },
#ifdef SIGIO
	{ SIGIO, "POLL" },
#endif
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Parses a whole non-negative decimal number; -1 if `s` is not one. */
static int
parse_num(const char *s)
{
	long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s))
			return -1;
		v = v * 10 + (*s - '0');
		if (v > INT_MAX)
			return -1;
	}
	return (int)v;
}

int
signame_max(void)
{
	return NSIG;
}

int
signame_to_num(const char *s)
{
	size_t i;
	int n;

	if (isdigit((unsigned char)*s)) {
		n = parse_num(s);
		return n >= 0 && n < NSIG ? n : -1;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (i = 0; i < N(sigs); i++)
		if (strcasecmp(s, sigs[i].name) == 0)
			return sigs[i].num;
	for (i = 0; i < N(aliases); i++)
		if (strcasecmp(s, aliases[i].name) == 0)
			return aliases[i].num;
	if (strncasecmp(s, "RTMIN", 5) == 0 || strncasecmp(s, "RTMAX", 5) == 0) {
		int max = strncasecmp(s, "RTMAX", 5) == 0;
		const char *p = s + 5;

		if (*p == '\0')
			n = 0;
		else if (*p == (max ? '-' : '+') && (n = parse_num(p + 1)) >= 0)
			;
		else
			return -1;
		n = max ? SIGRTMAX - n : SIGRTMIN + n;
		return n >= SIGRTMIN && n <= SIGRTMAX ? n : -1;
	}
	return -1;
}

const char *
signame_from_num(int n)
{
	static char buf[16];
	size_t i;

	for (i = 0; i < N(sigs); i++)
		if (sigs[i].num == n)
			return sigs[i].name;
	if (n >= SIGRTMIN && n <= SIGRTMAX) {
		/* Lower half counts up from RTMIN, upper half down from RTMAX,
		 * as bash and procps name them. */
		int mid = SIGRTMIN + (SIGRTMAX - SIGRTMIN) / 2;

		if (n == SIGRTMIN)
			return "RTMIN";
		if (n == SIGRTMAX)
			return "RTMAX";
		if (n <= mid)
			snprintf(buf, sizeof buf, "RTMIN+%d", n - SIGRTMIN);
		else
			snprintf(buf, sizeof buf, "RTMAX-%d", SIGRTMAX - n);
		return buf;
	}
	return NULL;
}

void
signame_print_table(void)
{
	int n, k = 0;
	const char *name;

	for (n = 1; n < NSIG; n++) {
		if ((name = signame_from_num(n)) == NULL)
			continue;
		printf("%2d) SIG%s%c", n, name, ++k % 5 == 0 ? '\n' : '\t');
	}
	if (k % 5 != 0)
		putchar('\n');
}
