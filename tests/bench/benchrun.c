/* benchrun: run a command N times in sequence and report, on stdout,
 *   "<wall-ns> <max-rss-KiB> <failures>"
 * wall-ns is the total wall-clock time (CLOCK_MONOTONIC) of the N runs,
 * max-rss-KiB the largest ru_maxrss that wait4() reported for any run (the
 * child together with the descendants it waited for), failures the number of
 * runs that did not exit 0.
 *
 * Used by bench.sh for start-up timing (a launcher that costs as little as
 * possible: posix_spawn, no shell in between) and for peak memory when
 * /usr/bin/time is missing. The children's stdout is /dev/null (so the
 * report is the only thing on ours); every other descriptor is inherited, so
 * a caller can hand them fd 3 for timestamps.
 *
 * usage: benchrun N PATH [ARG...] */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

int
main(int argc, char **argv)
{
	posix_spawn_file_actions_t fa;
	struct timespec t0, t1;
	long maxrss = 0, n, i, failures = 0;

	if (argc < 3 || (n = strtol(argv[1], NULL, 10)) < 1) {
		fprintf(stderr, "usage: benchrun N PATH [ARG...]\n");
		return 2;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		struct rusage ru;
		pid_t pid;
		int st, err;

		err = posix_spawn(&pid, argv[2], &fa, NULL, argv + 2, environ);
		if (err != 0) {
			fprintf(stderr, "benchrun: %s: %s\n", argv[2], strerror(err));
			return 1;
		}
		while (wait4(pid, &st, 0, &ru) < 0) {
			if (errno != EINTR) {
				perror("benchrun: wait4");
				return 1;
			}
		}
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			failures++;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%lld %ld %ld\n",
	    (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec),
	    maxrss, failures);
	return 0;
}
