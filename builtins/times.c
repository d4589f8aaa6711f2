/* times.c: the times special builtin (XCU times). */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>

#include "biutil.h"
#include "shell.h"

/* Prints one "%dm%fs %dm%fs" line for the user and system times of `who`. */
static void
print_usage_line(int who)
{
	struct rusage ru;
	const struct timeval *tv[2];

	if (getrusage(who, &ru) != 0) {
		ru.ru_utime.tv_sec = ru.ru_utime.tv_usec = 0;
		ru.ru_stime.tv_sec = ru.ru_stime.tv_usec = 0;
	}
	tv[0] = &ru.ru_utime;
	tv[1] = &ru.ru_stime;
	for (int i = 0; i < 2; i++) {
		long min = (long)tv[i]->tv_sec / 60;
		double sec = (double)(tv[i]->tv_sec % 60) + tv[i]->tv_usec / 1e6;

		printf("%ldm%fs%c", min, sec, i == 0 ? ' ' : '\n');
	}
}

/* times: the shell's user and system times, then its children's. XCU times
 * gives the format "%dm%fs %dm%fs\n%dm%fs %dm%fs\n"; %f has six decimals,
 * which dash and yash print too (bash prints three). getrusage() measures in
 * microseconds, so the six are not invented. Operands are ignored, as in
 * dash and bash. */
int
bi_times(struct shell *sh, int argc, char **argv)
{
	errno = 0;
	if (biu_operands(sh, "times", "", "times", argc, argv) < 0)
		return biu_special_error(sh, 2);
	print_usage_line(RUSAGE_SELF);
	print_usage_line(RUSAGE_CHILDREN);
	return biu_flush(sh, "times", 0);
}
