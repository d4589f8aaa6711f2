/* spawn_bench.c: spawn_run vs posix_spawn vs fork+execve of /bin/true.
 *
 *   spawn_bench [-n ITER] [MIB...]      (default: -n 200, sizes 2 256 1024)
 *
 * For each size the process first grows to MIB MiB of touched private
 * memory, then times ITER rounds of each method, interleaved round by
 * round (so drift hits all three alike): from just before the launch to the
 * return of waitpid. Prints the median and the 10th/90th percentiles in
 * milliseconds. A benchmark, not a test: exits 0 unless it cannot run. */
#include "spawn/spawn.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { M_SPAWN_RUN, M_POSIX_SPAWN, M_FORK, M_N };
static const char *const method_name[M_N] = { "spawn_run", "posix_spawn", "fork+exec" };
static char *const true_argv[] = { (char *)"true", NULL };
static const char *const true_path[] = { "/bin/true" };

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
reap(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "spawn_bench: /bin/true failed (status %#x)\n", st);
		exit(1);
	}
}

/* One launch of /bin/true by `method`, waited for; returns milliseconds. */
static double
one(int method, const struct spawn_plan *plan)
{
	struct spawn_result r;
	double t0 = now_ms();
	pid_t pid = -1;

	switch (method) {
	case M_SPAWN_RUN:
		if (spawn_run(plan, &r) != 0 || r.failed) {
			perror("spawn_run");
			exit(1);
		}
		pid = r.pid;
		break;
	case M_POSIX_SPAWN:
		if ((errno = posix_spawn(&pid, "/bin/true", NULL, NULL, true_argv, environ))) {
			perror("posix_spawn");
			exit(1);
		}
		break;
	case M_FORK:
		pid = fork();
		if (pid == 0) {
			execve("/bin/true", true_argv, environ);
			_exit(127);
		}
		if (pid == -1) {
			perror("fork");
			exit(1);
		}
		break;
	}
	reap(pid);
	return now_ms() - t0;
}

/* Grows the process to `mib` MiB of touched memory (never shrinks). */
static void
grow_to(size_t mib)
{
	static size_t have;

	if (mib <= have)
		return;
	size_t len = (mib - have) << 20;
	char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	memset(m, 0x5a, len);
	have = mib;
}

int
main(int argc, char **argv)
{
	static const size_t default_sizes[] = { 2, 256, 1024 };
	size_t sizes[16], nsizes = 0, iter = 200;
	struct spawn_plan plan;
	double *t[M_N];
	int i = 1;

	if (i + 1 < argc && strcmp(argv[i], "-n") == 0) {
		iter = strtoul(argv[i + 1], NULL, 10);
		i += 2;
	}
	for (; i < argc && nsizes < 16; i++)
		sizes[nsizes++] = strtoul(argv[i], NULL, 10);
	if (nsizes == 0) {
		memcpy(sizes, default_sizes, sizeof default_sizes);
		nsizes = 3;
	}
	if (iter < 3)
		iter = 3;
	spawn_plan_init(&plan);
	plan.argv = true_argv;
	plan.envp = environ;
	plan.paths = true_path;
	plan.npaths = 1;
	plan.err_prefix = "spawn_bench: ";
	for (int m = 0; m < M_N; m++)
		t[m] = malloc(iter * sizeof *t[m]);

	printf("/bin/true, %zu rounds per method; milliseconds: median (p10-p90)\n", iter);
	printf("%-10s", "parent");
	for (int m = 0; m < M_N; m++)
		printf(" %22s", method_name[m]);
	printf("\n");
	for (size_t s = 0; s < nsizes; s++) {
		grow_to(sizes[s]);
		for (int m = 0; m < M_N; m++)
			one(m, &plan);	/* warm-up */
		for (size_t k = 0; k < iter; k++)
			for (int m = 0; m < M_N; m++)
				t[m][k] = one(m, &plan);
		printf("%6zu MiB", sizes[s]);
		for (int m = 0; m < M_N; m++) {
			char cell[64];

			qsort(t[m], iter, sizeof *t[m], cmp_double);
			snprintf(cell, sizeof cell, "%.3f (%.3f-%.3f)", t[m][iter / 2],
				 t[m][iter / 10], t[m][iter * 9 / 10]);
			printf(" %22s", cell);
		}
		printf("\n");
		fflush(stdout);
	}
	struct spawn_stats st = spawn_stats();

	printf("spawn_run launches: %lu clone_vm, %lu fork%s\n", st.clone_vm, st.fork,
	       st.fork ? " (SPSH_FORCE_FORK=1?)" : "");
	return 0;
}
