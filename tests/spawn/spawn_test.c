/* spawn_test.c: unit tests of lib/spawn (built and run by tests/spawn.bats).
 *
 * Every test runs real children (/bin/sh, /bin/true, /bin/cat) and checks
 * what they saw through files in a temporary directory. With
 * SPSH_FORCE_FORK=1 the same tests run in the forced-fork mode.
 * Prints "N passed, N failed"; exits 1 if anything failed. */
#include "spawn/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

static int npass, nfail, test_ok;
static const char *test_name;
static char dir[256];
static int forced;	/* SPSH_FORCE_FORK=1 */

#define CHECK(c) do { \
	if (!(c)) { \
		fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__, \
			test_name, #c); \
		test_ok = 0; \
	} \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (!g_ || strcmp(g_, w_) != 0) { \
		fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, \
			__LINE__, test_name, g_ ? g_ : "(null)", w_); \
		test_ok = 0; \
	} \
} while (0)

/* A plan running /bin/sh -c SCRIPT, with its argv kept alive. */
struct cmd {
	struct spawn_plan p;
	char *argv[8];
	const char *paths[4];
};

static const char *const std_env[] = { "PATH=/usr/bin:/bin", NULL };

static char *
path_in(const char *name)
{
	static char buf[8][512];
	static int i;
	char *b = buf[i++ % 8];

	snprintf(b, sizeof buf[0], "%s/%s", dir, name);
	return b;
}

static void
cmd_sh(struct cmd *c, const char *script)
{
	spawn_plan_init(&c->p);
	c->argv[0] = (char *)"sh";
	c->argv[1] = (char *)"-c";
	c->argv[2] = (char *)script;
	c->argv[3] = NULL;
	c->paths[0] = "/bin/sh";
	c->p.argv = c->argv;
	c->p.envp = (char *const *)std_env;
	c->p.paths = c->paths;
	c->p.npaths = 1;
	c->p.err_prefix = "spsh: ";
}

/* A plan running the program at `path` with argv {name, NULL}. */
static void
cmd_prog(struct cmd *c, const char *name, const char *path)
{
	spawn_plan_init(&c->p);
	c->argv[0] = (char *)name;
	c->argv[1] = NULL;
	c->paths[0] = path;
	c->p.argv = c->argv;
	c->p.envp = (char *const *)std_env;
	c->p.paths = c->paths;
	c->p.npaths = 1;
	c->p.err_prefix = "spsh: ";
}

static struct spawn_op *
add_open(struct spawn_plan *p, int fd, const char *path, int flags)
{
	struct spawn_op *o = spawn_add(p, SPAWN_OPEN);

	o->fd = fd;
	o->path = path;
	o->flags = flags;
	o->mode = 0644;
	return o;
}

/* Waits for pid; returns its exit status, or 128 + signal. */
static int
wait_for(pid_t pid)
{
	int st;
	pid_t r;

	while ((r = waitpid(pid, &st, 0)) == -1 && errno == EINTR)
		;
	if (r != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Runs the plan and waits; returns the child's status (-1: no child). */
static int
run(struct spawn_plan *p, struct spawn_result *r)
{
	struct spawn_result dummy;

	if (!r)
		r = &dummy;
	if (spawn_run(p, r) != 0) {
		fprintf(stderr, "%s: spawn_run: %s\n", test_name, strerror(errno));
		return -1;
	}
	if (r->pid <= 0)
		return -1;
	return wait_for(r->pid);
}

/* Contents of a file (static buffer, "" if missing). */
static const char *
slurp(const char *path)
{
	static char buf[4][4096];
	static int i;
	char *b = buf[i++ % 4];
	int fd = open(path, O_RDONLY);
	ssize_t n = 0;

	b[0] = 0;
	if (fd < 0)
		return b;
	n = read(fd, b, sizeof buf[0] - 1);
	b[n < 0 ? 0 : n] = 0;
	close(fd);
	return b;
}

static void
write_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 || write(fd, text, strlen(text)) < 0) {
		perror(path);
		exit(2);
	}
	close(fd);
	chmod(path, mode);
}

#define WR (O_WRONLY | O_CREAT | O_TRUNC)

/* ---- tests ---- */

static void
t_true(void)
{
	struct cmd c;
	struct spawn_result r;

	cmd_prog(&c, "true", "/bin/true");
	CHECK(run(&c.p, &r) == 0);
	CHECK(r.pid > 0);
	CHECK(!r.failed);
	spawn_plan_free(&c.p);
	cmd_sh(&c, "exit 3");
	CHECK(run(&c.p, &r) == 3);
	CHECK(!r.failed);
}

static void
t_stats(void)
{
	struct cmd c;
	struct spawn_stats a, b;

	cmd_prog(&c, "true", "/bin/true");
	a = spawn_stats();
	CHECK(run(&c.p, NULL) == 0);
	b = spawn_stats();
	if (forced) {
		CHECK(b.fork == a.fork + 1 && b.clone_vm == a.clone_vm);
	} else {
		CHECK(b.clone_vm == a.clone_vm + 1 && b.fork == a.fork);
	}
	c.p.flags = SPAWN_FORK;
	CHECK(run(&c.p, NULL) == 0);
	a = spawn_stats();
	CHECK(a.fork == b.fork + 1);
}

static void
t_open(void)
{
	struct cmd c;

	cmd_sh(&c, "echo hi; echo seven >&7");
	add_open(&c.p, 1, path_in("open1"), WR);
	add_open(&c.p, 7, path_in("open7"), WR);
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("open1")), "hi\n");
	CHECK_STR(slurp(path_in("open7")), "seven\n");
	spawn_plan_free(&c.p);
	/* open onto the fd it lands on anyway: no dup, still right */
	cmd_sh(&c, "cat");
	write_file(path_in("in0"), "input\n", 0644);
	spawn_add(&c.p, SPAWN_CLOSE)->fd = 0;
	add_open(&c.p, 0, path_in("in0"), O_RDONLY);
	add_open(&c.p, 1, path_in("out0"), WR);
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("out0")), "input\n");
	spawn_plan_free(&c.p);
}

static void
t_open_missing(void)
{
	struct cmd c;
	struct spawn_result r;
	char want[600];

	cmd_sh(&c, "echo ran");
	add_open(&c.p, 2, path_in("err_missing"), WR);
	add_open(&c.p, 1, path_in("out_missing"), WR);
	add_open(&c.p, 0, path_in("nosuch/file"), O_RDONLY);
	CHECK(run(&c.p, &r) == 1);
	CHECK(r.failed && r.err_op == 2 && r.err == ENOENT && r.exit_status == 1);
	snprintf(want, sizeof want, "spsh: %s: No such file or directory\n", path_in("nosuch/file"));
	CHECK_STR(slurp(path_in("err_missing")), want);
	CHECK_STR(slurp(path_in("out_missing")), "");
	/* errname overrides the path */
	c.p.ops[2].errname = "nosuch";
	c.p.err_prefix = "spsh: x.sh: line 3: ";
	CHECK(run(&c.p, &r) == 1);
	CHECK_STR(slurp(path_in("err_missing")),
		  "spsh: x.sh: line 3: nosuch: No such file or directory\n");
	spawn_plan_free(&c.p);
}

/* Open of an unreadable file: EACCES (run as nobody when we are root). */
static void
t_open_eacces(void)
{
	struct cmd c;
	struct spawn_result r;
	pid_t pid;
	int st;

	write_file(path_in("secret"), "x\n", 0000);
	pid = fork();
	if (pid == 0) {
		int bad = 0, efd = open(path_in("err_eacces"), O_RDWR | O_CREAT | O_TRUNC, 0666);
		char got[700];
		ssize_t n;
		struct spawn_op *o;

		/* the error file is opened before the privileges go: the
		 * directories above ours may be closed to nobody */
		if (efd < 0 || (geteuid() == 0 && (setgid(65534) || setuid(65534))))
			_exit(99);
		cmd_sh(&c, "cat");
		o = spawn_add(&c.p, SPAWN_DUP2);
		o->fd = 2;
		o->fd2 = efd;
		add_open(&c.p, 0, path_in("secret"), O_RDONLY);
		if (run(&c.p, &r) != 1)
			bad |= 1;
		if (!r.failed || r.err_op != 1 || r.err != EACCES)
			bad |= 2;
		char want[600];

		snprintf(want, sizeof want, "spsh: %s: Permission denied\n", path_in("secret"));
		n = pread(efd, got, sizeof got - 1, 0);
		got[n < 0 ? 0 : n] = 0;
		if (strcmp(got, want) != 0)
			bad |= 4;
		_exit(bad);
	}
	st = wait_for(pid);
	if (st != 0)
		fprintf(stderr, "t_open_eacces: helper status %d\n", st);
	CHECK(st == 0);
}

static void
t_not_found(void)
{
	struct cmd c;
	struct spawn_result r;

	cmd_prog(&c, "foo", "/nonexistent/foo");
	c.paths[1] = "/nonexistent/bin/foo";
	c.p.npaths = 2;
	add_open(&c.p, 2, path_in("err_nf"), WR);
	CHECK(run(&c.p, &r) == 127);
	CHECK(r.failed && r.err_op == -1 && r.err == ENOENT && r.exit_status == 127);
	CHECK_STR(slurp(path_in("err_nf")), "spsh: foo: not found\n");
	/* cmdname is used in the message */
	c.p.cmdname = "foo-cmd";
	CHECK(run(&c.p, &r) == 127);
	CHECK_STR(slurp(path_in("err_nf")), "spsh: foo-cmd: not found\n");
	/* ENOTDIR is "not found" too, no candidates at all as well */
	c.paths[0] = "/etc/passwd/foo";
	c.p.npaths = 1;
	CHECK(run(&c.p, &r) == 127 && r.err == ENOTDIR);
	c.p.npaths = 0;
	CHECK(run(&c.p, &r) == 127 && r.failed);
	/* the search goes on after ENOENT */
	c.paths[0] = "/nonexistent/true";
	c.paths[1] = "/bin/true";
	c.p.npaths = 2;
	CHECK(run(&c.p, &r) == 0 && !r.failed);
	spawn_plan_free(&c.p);
}

static void
t_exec_errors(void)
{
	struct cmd c;
	struct spawn_result r;

	write_file(path_in("noexec"), "echo hi\n", 0644);
	cmd_prog(&c, "noexec", path_in("noexec"));
	add_open(&c.p, 2, path_in("err_x"), WR);
	CHECK(run(&c.p, &r) == 126);
	CHECK(r.failed && r.err_op == -1 && r.err == EACCES && r.exit_status == 126);
	CHECK_STR(slurp(path_in("err_x")), "spsh: noexec: Permission denied\n");
	/* the first candidate that exists stops the search */
	c.paths[1] = "/bin/true";
	c.p.npaths = 2;
	CHECK(run(&c.p, &r) == 126);
	/* a directory */
	c.argv[0] = (char *)"adir";
	c.paths[0] = dir;
	c.p.npaths = 1;
	CHECK(run(&c.p, &r) == 126);
	CHECK(r.err == EISDIR);
	CHECK_STR(slurp(path_in("err_x")), "spsh: adir: Is a directory\n");
	spawn_plan_free(&c.p);
}

static void
t_enoexec(void)
{
	struct cmd c;
	struct spawn_result r;
	char want[600];

	write_file(path_in("script"), "echo \"$0 $1 $2\" >\"$OUT\"\n", 0755);
	cmd_prog(&c, "script", path_in("script"));
	c.argv[1] = (char *)"a1";
	c.argv[2] = (char *)"a2";
	c.argv[3] = NULL;
	char env[600];

	snprintf(env, sizeof env, "OUT=%s", path_in("script_out"));
	char *envp[] = { env, NULL };

	c.p.envp = envp;
	add_open(&c.p, 2, path_in("err_ne"), WR);
	CHECK(run(&c.p, &r) == 126);
	CHECK(r.failed && r.err == ENOEXEC);
	CHECK_STR(slurp(path_in("err_ne")), "spsh: script: Exec format error\n");
	c.p.enoexec_interp = "/bin/sh";
	c.paths[0] = "/nonexistent/script";	/* skipped: ENOENT */
	c.paths[1] = path_in("script");
	c.p.npaths = 2;
	CHECK(run(&c.p, &r) == 0);
	CHECK(!r.failed);
	snprintf(want, sizeof want, "%s a1 a2\n", path_in("script"));
	CHECK_STR(slurp(path_in("script_out")), want);
	/* asynchronous: the interpreter argv is part of the copy */
	c.p.flags = SPAWN_ASYNC;
	unlink(path_in("script_out"));
	CHECK(run(&c.p, &r) == 0);
	CHECK_STR(slurp(path_in("script_out")), want);
	spawn_plan_free(&c.p);
}

static void
t_dup2(void)
{
	struct cmd c;
	struct spawn_op *o;
	int fd = open(path_in("dup_a"), WR | O_CLOEXEC, 0644);

	cmd_sh(&c, "echo one");
	o = spawn_add(&c.p, SPAWN_DUP2);
	o->fd = 1;
	o->fd2 = fd;
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("dup_a")), "one\n");
	spawn_plan_free(&c.p);

	/* dup onto itself clears close-on-exec */
	char script[64];

	snprintf(script, sizeof script, "echo two >&%d", fd);
	cmd_sh(&c, script);
	add_open(&c.p, 2, "/dev/null", O_WRONLY);
	CHECK(run(&c.p, NULL) != 0);	/* cloexec: fd not there */
	o = spawn_add(&c.p, SPAWN_DUP2);
	o->fd = fd;
	o->fd2 = fd;
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("dup_a")), "one\ntwo\n");
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC);	/* parent's untouched */
	spawn_plan_free(&c.p);

	/* a bad source fails the op with EBADF, exit 1 */
	struct spawn_result r;

	cmd_sh(&c, "true");
	add_open(&c.p, 2, path_in("err_dup"), WR);
	o = spawn_add(&c.p, SPAWN_DUP2);
	o->fd = 1;
	o->fd2 = 200;
	CHECK(run(&c.p, &r) == 1 && r.err_op == 1 && r.err == EBADF);
	CHECK_STR(slurp(path_in("err_dup")), "spsh: 1: Bad file descriptor\n");
	spawn_plan_free(&c.p);
	close(fd);
}

static void
t_close(void)
{
	struct cmd c;
	int fd = open("/dev/null", O_RDONLY);
	int fd2 = dup(fd);
	char script[200];

	CHECK(fd >= 3 && fd2 > fd);
	snprintf(script, sizeof script,
		 "test -e /proc/$$/fd/%d && echo a; test -e /proc/$$/fd/%d && echo b; :",
		 fd, fd2);
	cmd_sh(&c, script);
	add_open(&c.p, 1, path_in("close_out"), WR);
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("close_out")), "a\nb\n");
	spawn_add(&c.p, SPAWN_CLOSE)->fd = fd;
	spawn_add(&c.p, SPAWN_CLOSE)->fd = 250;	/* not open: fine */
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("close_out")), "b\n");
	spawn_plan_free(&c.p);
	cmd_sh(&c, script);
	add_open(&c.p, 1, path_in("close_out"), WR);
	spawn_add(&c.p, SPAWN_CLOSE_FROM)->fd = fd;
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("close_out")), "");
	/* the parent's fds are untouched */
	CHECK(fcntl(fd, F_GETFD) != -1 && fcntl(fd2, F_GETFD) != -1);
	spawn_plan_free(&c.p);
	close(fd);
	close(fd2);
}

/* CLOSE_FROM 3 and dups onto low fds must not disturb the status pipe
 * (fork mode, async mode): the failure is still reported. */
static void
t_status_fd_safe(void)
{
	struct cmd c;
	struct spawn_result r;

	for (int mode = 0; mode < 3; mode++) {
		cmd_prog(&c, "gone", "/nonexistent/gone");
		c.p.flags = mode == 0 ? 0 : mode == 1 ? SPAWN_FORK : SPAWN_ASYNC;
		add_open(&c.p, 2, path_in("err_sfd"), WR);
		for (int fd = 3; fd < 24; fd++) {
			struct spawn_op *o = spawn_add(&c.p, SPAWN_DUP2);

			o->fd = fd;
			o->fd2 = 2;
		}
		spawn_add(&c.p, SPAWN_CLOSE_FROM)->fd = 3;
		CHECK(run(&c.p, &r) == 127);
		if (mode != 2)
			CHECK(r.failed && r.exit_status == 127 && r.err == ENOENT);
		CHECK_STR(slurp(path_in("err_sfd")), "spsh: gone: not found\n");
		spawn_plan_free(&c.p);
	}
	spawn_async_reap();
}

static void
t_chdir(void)
{
	struct cmd c;
	struct spawn_result r;
	struct spawn_op *o;
	char want[4200];
	int dfd;

	mkdir(path_in("sub"), 0755);
	cmd_sh(&c, "pwd -P");
	add_open(&c.p, 1, path_in("pwd_out"), WR);
	spawn_add(&c.p, SPAWN_CHDIR)->path = path_in("sub");
	CHECK(run(&c.p, NULL) == 0);
	snprintf(want, sizeof want, "%s\n", path_in("sub"));
	{
		char real[4096];

		CHECK(realpath(path_in("sub"), real) != NULL);
		snprintf(want, sizeof want, "%s\n", real);
	}
	CHECK_STR(slurp(path_in("pwd_out")), want);
	spawn_plan_free(&c.p);

	dfd = open(path_in("sub"), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	cmd_sh(&c, "pwd -P");
	add_open(&c.p, 1, path_in("pwd_out"), WR);
	spawn_add(&c.p, SPAWN_FCHDIR)->fd = dfd;
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("pwd_out")), want);
	spawn_plan_free(&c.p);
	close(dfd);

	cmd_sh(&c, "echo ran");
	add_open(&c.p, 1, path_in("pwd_out"), WR);
	add_open(&c.p, 2, path_in("err_cd"), WR);
	o = spawn_add(&c.p, SPAWN_CHDIR);
	o->path = path_in("nodir");
	o->errname = "cd: nodir";
	CHECK(run(&c.p, &r) == 1 && r.err_op == 2 && r.err == ENOENT);
	CHECK_STR(slurp(path_in("pwd_out")), "");
	CHECK_STR(slurp(path_in("err_cd")), "spsh: cd: nodir: No such file or directory\n");
	spawn_plan_free(&c.p);
}

static void
t_umask_prlimit(void)
{
	struct cmd c;
	struct spawn_op *o;
	struct rlimit rl;

	cmd_sh(&c, "umask; ulimit -n");
	add_open(&c.p, 1, path_in("um_out"), WR);
	spawn_add(&c.p, SPAWN_UMASK)->mode = 027;
	getrlimit(RLIMIT_NOFILE, &rl);
	o = spawn_add(&c.p, SPAWN_PRLIMIT);
	o->resource = RLIMIT_NOFILE;
	o->rlim.rlim_cur = 100;
	o->rlim.rlim_max = rl.rlim_max;
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("um_out")), "0027\n100\n");
	struct rlimit now;

	getrlimit(RLIMIT_NOFILE, &now);
	CHECK(now.rlim_cur == rl.rlim_cur);
	spawn_plan_free(&c.p);
}

/* Field 5 of /proc/PID/stat is the process group. */
static void
t_setpgid(void)
{
	struct cmd c;
	struct spawn_result r;
	char want[64];

	for (int async = 0; async < 2; async++) {
		cmd_sh(&c, "read -r a b c d e rest </proc/$$/stat; echo $e");
		c.p.flags = async ? SPAWN_ASYNC : 0;
		add_open(&c.p, 1, path_in("pg_out"), WR);
		spawn_add(&c.p, SPAWN_SETPGID)->pgid = 0;
		CHECK(run(&c.p, &r) == 0);
		snprintf(want, sizeof want, "%d\n", (int)r.pid);
		CHECK_STR(slurp(path_in("pg_out")), want);
		spawn_plan_free(&c.p);
	}
	/* joining an existing group */
	{
		struct cmd leader;
		struct spawn_result lr;

		cmd_prog(&leader, "sleep", "/bin/sleep");
		leader.argv[1] = (char *)"5";
		leader.argv[2] = NULL;
		leader.p.flags = SPAWN_ASYNC;
		spawn_add(&leader.p, SPAWN_SETPGID)->pgid = 0;
		CHECK(spawn_run(&leader.p, &lr) == 0);
		cmd_sh(&c, "read -r a b c d e rest </proc/$$/stat; echo $e");
		add_open(&c.p, 1, path_in("pg_out"), WR);
		spawn_add(&c.p, SPAWN_SETPGID)->pgid = lr.pid;
		CHECK(run(&c.p, &r) == 0);
		snprintf(want, sizeof want, "%d\n", (int)lr.pid);
		CHECK_STR(slurp(path_in("pg_out")), want);
		kill(lr.pid, SIGKILL);
		wait_for(lr.pid);
		spawn_plan_free(&c.p);
		spawn_plan_free(&leader.p);
	}
}

/* In a new session on a pseudo-terminal: the child takes the terminal for
 * its own new group from the background (SIGTTOU is blocked meanwhile). */
static void
t_tcsetpgrp(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		int m = posix_openpt(O_RDWR | O_NOCTTY), s, bad = 0;
		struct cmd c;
		struct spawn_result r;

		if (m < 0 || grantpt(m) || unlockpt(m) || setsid() < 0)
			_exit(90);
		s = open(ptsname(m), O_RDWR);
		if (s < 0 || ioctl(s, TIOCSCTTY, 0) < 0)
			_exit(91);
		cmd_sh(&c, "exit 0");
		spawn_add(&c.p, SPAWN_SETPGID)->pgid = 0;
		spawn_add(&c.p, SPAWN_TCSETPGRP)->fd = s;
		if (run(&c.p, &r) != 0 || r.failed)
			bad |= 1;
		if (tcgetpgrp(s) != r.pid)
			bad |= 2;
		_exit(bad);
	}
	CHECK(wait_for(pid) == 0);
}

static void
t_signals(void)
{
	struct cmd c;
	struct spawn_op *o;
	sigset_t before, after;

	/* SIGIGN: the program starts with SIGUSR1 ignored */
	cmd_sh(&c, "kill -USR1 $$; exit 7");
	CHECK(run(&c.p, NULL) == 128 + SIGUSR1);
	o = spawn_add(&c.p, SPAWN_SIGIGN);
	o->sig = SIGUSR1;
	CHECK(run(&c.p, NULL) == 7);
	spawn_plan_free(&c.p);

	/* SIGDFL, and sig_default, undo the parent's SIG_IGN */
	signal(SIGUSR1, SIG_IGN);
	cmd_sh(&c, "kill -USR1 $$; exit 7");
	CHECK(run(&c.p, NULL) == 7);
	o = spawn_add(&c.p, SPAWN_SIGDFL);
	o->sig = SIGUSR1;
	CHECK(run(&c.p, NULL) == 128 + SIGUSR1);
	spawn_plan_free(&c.p);
	cmd_sh(&c, "kill -USR1 $$; exit 7");
	sigaddset(&c.p.sig_default, SIGUSR1);
	CHECK(run(&c.p, NULL) == 128 + SIGUSR1);
	signal(SIGUSR1, SIG_DFL);
	spawn_plan_free(&c.p);

	/* the final mask reaches the program; the parent's mask is kept */
	sigemptyset(&before);
	sigaddset(&before, SIGUSR2);
	sigprocmask(SIG_SETMASK, &before, NULL);
	cmd_sh(&c, "while read -r k v; do [ \"$k\" = SigBlk: ] && echo $v; done </proc/$$/status; :");
	add_open(&c.p, 1, path_in("mask_out"), WR);
	sigaddset(&c.p.mask, SIGUSR1);
	sigaddset(&c.p.mask, SIGTERM);
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("mask_out")), "0000000000004200\n");
	sigprocmask(SIG_SETMASK, NULL, &after);
	CHECK(sigismember(&after, SIGUSR2) && !sigismember(&after, SIGUSR1) &&
	      !sigismember(&after, SIGCHLD));
	sigemptyset(&before);
	sigprocmask(SIG_SETMASK, &before, NULL);
	spawn_plan_free(&c.p);
}

static void
t_noexec(void)
{
	struct cmd c;
	struct spawn_result r;

	cmd_prog(&c, "gone", "/nonexistent/gone");
	c.p.flags = SPAWN_NOEXEC;
	add_open(&c.p, 1, path_in("noexec_out"), WR);
	unlink(path_in("noexec_out"));
	CHECK(run(&c.p, &r) == 0 && !r.failed);
	CHECK(access(path_in("noexec_out"), F_OK) == 0);
	spawn_plan_free(&c.p);
}

/* Counts the ops of p that park a source (DUP2 onto a slot). */
static int
count_parks(const struct spawn_plan *p)
{
	int n = 0;

	for (size_t i = 0; i < p->nops; i++)
		n += p->ops[i].kind == SPAWN_DUP2 && p->ops[i].fd <= -2;
	return n;
}

static void
t_moves_structure(void)
{
	struct spawn_plan p;

	spawn_plan_init(&p);
	spawn_add_moves(&p, (int[]){ 1, 2 }, (int[]){ 0, 1 }, 2);	/* chain */
	CHECK(count_parks(&p) == 0);
	CHECK(p.nops == 3 && p.ops[0].fd == 0 && p.ops[0].fd2 == 1 &&
	      p.ops[1].fd == 1 && p.ops[1].fd2 == 2 &&
	      p.ops[2].kind == SPAWN_CLOSE && p.ops[2].fd == 2);
	spawn_plan_free(&p);
	spawn_add_moves(&p, (int[]){ 1, 2 }, (int[]){ 2, 1 }, 2);	/* swap */
	CHECK(count_parks(&p) == 1);
	CHECK(p.nops == 4 && p.ops[3].kind == SPAWN_CLOSE && p.ops[3].fd == SPAWN_SLOT(0));
	spawn_plan_free(&p);
	spawn_add_moves(&p, (int[]){ 5, 5 }, (int[]){ 1, 2 }, 2);	/* fan out */
	CHECK(count_parks(&p) == 0 && p.nops == 3 && p.ops[2].fd == 5);
	spawn_plan_free(&p);
	spawn_add_moves(&p, (int[]){ 3 }, (int[]){ 3 }, 1);	/* keep: clear cloexec */
	CHECK(p.nops == 1 && p.ops[0].kind == SPAWN_DUP2 && p.ops[0].fd == 3 &&
	      p.ops[0].fd2 == 3);
	spawn_plan_free(&p);
}

static void
t_moves(void)
{
	struct cmd c;

	/* src {4,1} -> dst {1,0}: 1 must be read before it is overwritten */
	cmd_sh(&c, "echo toA; echo toB >&0; test -e /proc/$$/fd/4 && echo still4; :");
	add_open(&c.p, 4, path_in("mv_a"), WR);
	add_open(&c.p, 1, path_in("mv_b"), WR);
	spawn_add_moves(&c.p, (int[]){ 4, 1 }, (int[]){ 1, 0 }, 2);
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("mv_a")), "toA\n");
	CHECK_STR(slurp(path_in("mv_b")), "toB\n");
	spawn_plan_free(&c.p);

	/* 3>&1 1>&2 2>&3: fd1 = old 2, fd2 = old 1, fd3 = old 1 */
	cmd_sh(&c, "echo out; echo err >&2; echo three >&3");
	add_open(&c.p, 1, path_in("mv_o"), WR);
	add_open(&c.p, 2, path_in("mv_e"), WR);
	spawn_add_moves(&c.p, (int[]){ 1, 2, 1 }, (int[]){ 3, 1, 2 }, 3);
	CHECK(count_parks(&c.p) == 1);
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("mv_o")), "err\nthree\n");
	CHECK_STR(slurp(path_in("mv_e")), "out\n");
	spawn_plan_free(&c.p);

	/* src {1} -> dst {0}: 1 is closed afterwards */
	cmd_sh(&c, "echo x >&0; test -e /proc/$$/fd/1 || echo closed >&0");
	add_open(&c.p, 1, path_in("mv_c"), WR);
	spawn_add_moves(&c.p, (int[]){ 1 }, (int[]){ 0 }, 1);
	CHECK(run(&c.p, NULL) == 0);
	CHECK_STR(slurp(path_in("mv_c")), "x\nclosed\n");
	spawn_plan_free(&c.p);

	/* a 3-cycle 1->2, 2->3, 3->1 and a parked fd that is closed */
	cmd_sh(&c, "echo one; echo two >&2; echo three >&3; "
		   "for f in /proc/$$/fd/*; do n=${f##*/}; [ $n -ge 10 ] && [ $n -lt 20 ] && echo open$n >&3; done; :");
	add_open(&c.p, 1, path_in("mv_1"), WR);
	add_open(&c.p, 2, path_in("mv_2"), WR);
	add_open(&c.p, 3, path_in("mv_3"), WR);
	spawn_add(&c.p, SPAWN_CLOSE_FROM)->fd = 10;
	spawn_add_moves(&c.p, (int[]){ 1, 2, 3 }, (int[]){ 2, 3, 1 }, 3);
	CHECK(count_parks(&c.p) == 1);
	CHECK(run(&c.p, NULL) == 0);
	/* fd1 = old 3, fd2 = old 1, fd3 = old 2; no fd >= 10 is left */
	CHECK_STR(slurp(path_in("mv_1")), "two\n");
	CHECK_STR(slurp(path_in("mv_2")), "three\n");
	CHECK_STR(slurp(path_in("mv_3")), "one\n");
	spawn_plan_free(&c.p);

	/* the error message follows the moved fd 2 */
	struct spawn_result r;

	cmd_prog(&c, "gone", "/nonexistent/gone");
	add_open(&c.p, 5, path_in("mv_err"), WR);
	spawn_add_moves(&c.p, (int[]){ 5 }, (int[]){ 2 }, 1);
	CHECK(run(&c.p, &r) == 127);
	CHECK_STR(slurp(path_in("mv_err")), "spsh: gone: not found\n");
	spawn_plan_free(&c.p);
}

static void
t_async_fifo(void)
{
	struct cmd c;
	struct spawn_result r;
	int fd;

	mkfifo(path_in("fifo"), 0600);
	cmd_prog(&c, "cat", "/bin/cat");
	c.p.flags = SPAWN_ASYNC;
	add_open(&c.p, 0, path_in("fifo"), O_RDONLY);
	add_open(&c.p, 1, path_in("fifo_out"), WR);
	alarm(20);	/* a deadlock fails the test instead of hanging */
	CHECK(spawn_run(&c.p, &r) == 0 && r.pid > 0);
	spawn_plan_free(&c.p);
	fd = open(path_in("fifo"), O_WRONLY);
	CHECK(fd >= 0);
	CHECK(write(fd, "through the fifo\n", 17) == 17);
	close(fd);
	CHECK(wait_for(r.pid) == 0);
	alarm(0);
	CHECK_STR(slurp(path_in("fifo_out")), "through the fifo\n");
}

/* Async: the caller frees its plan (strings included) at once. */
static void
t_async_copy(void)
{
	struct spawn_plan p;
	struct spawn_result r;
	char *argv[4], *paths[1], *envp[2];
	char script[600], *out = strdup(path_in("copy_out"));

	snprintf(script, sizeof script, "echo \"$V copied\" >%s", out);
	spawn_plan_init(&p);
	argv[0] = strdup("sh");
	argv[1] = strdup("-c");
	argv[2] = strdup(script);
	argv[3] = NULL;
	paths[0] = strdup("/bin/sh");
	envp[0] = strdup("V=was");
	envp[1] = NULL;
	p.argv = argv;
	p.envp = envp;
	p.paths = (const char *const *)paths;
	p.npaths = 1;
	p.flags = SPAWN_ASYNC;
	p.err_prefix = "spsh: ";
	spawn_add(&p, SPAWN_CHDIR)->path = strdup("/");
	CHECK(spawn_run(&p, &r) == 0);
	for (int i = 0; i < 3; i++) {
		memset(argv[i], 'X', strlen(argv[i]));
		free(argv[i]);
	}
	memset(paths[0], 'X', 7);
	memset(envp[0], 'X', 5);
	free(paths[0]);
	free(envp[0]);
	free((char *)p.ops[0].path);
	spawn_plan_free(&p);
	memset(argv, 0, sizeof argv);
	CHECK(wait_for(r.pid) == 0);
	CHECK_STR(slurp(out), "was copied\n");
	free(out);
}

static int
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n;
}

/* Async children's regions and status pipes are released. */
static void
t_async_reap(void)
{
	struct cmd c;
	struct spawn_result r;
	int before, after;
	pid_t pids[100];

	cmd_prog(&c, "true", "/bin/true");
	c.p.flags = SPAWN_ASYNC;
	spawn_async_reap();
	before = count_fds();
	for (int i = 0; i < 100; i++) {
		CHECK(spawn_run(&c.p, &r) == 0);
		pids[i] = r.pid;
	}
	for (int i = 0; i < 100; i++)
		CHECK(wait_for(pids[i]) == 0);
	spawn_async_reap();
	after = count_fds();
	CHECK(after == before);
	/* an async child that fails exits 127 after writing its message */
	cmd_prog(&c, "gone", "/nonexistent/gone");
	c.p.flags = SPAWN_ASYNC;
	add_open(&c.p, 2, path_in("err_async"), WR);
	CHECK(run(&c.p, &r) == 127);
	CHECK_STR(slurp(path_in("err_async")), "spsh: gone: not found\n");
	spawn_async_reap();
	CHECK(count_fds() == before);
	spawn_plan_free(&c.p);
}

static volatile sig_atomic_t nsig;
static volatile int storm_stop;

static void
on_sig(int sig)
{
	(void)sig;
	nsig++;
}

static void *
storm(void *arg)
{
	pid_t self = *(pid_t *)arg;
	struct timespec ts = { 0, 20000 };

	while (!storm_stop) {
		kill(self, SIGCHLD);
		kill(self, SIGUSR1);
		nanosleep(&ts, NULL);
	}
	return NULL;
}

/* 2000 spawns while the process is flooded with SIGCHLD and SIGUSR1. */
static void
t_signal_storm(void)
{
	struct sigaction sa;
	struct cmd c;
	struct spawn_result r;
	pthread_t th;
	pid_t self = getpid();
	int bad = 0, n = 2000;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sig;
	sa.sa_flags = 0;	/* no SA_RESTART: EINTR must be handled */
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	cmd_prog(&c, "true", "/bin/true");
	storm_stop = 0;
	CHECK(pthread_create(&th, NULL, storm, &self) == 0);
	for (int i = 0; i < n; i++) {
		c.p.flags = i % 4 == 3 ? SPAWN_ASYNC : 0;
		if (spawn_run(&c.p, &r) != 0 || r.pid <= 0 || r.failed) {
			bad++;
			continue;
		}
		if (wait_for(r.pid) != 0)
			bad++;
	}
	storm_stop = 1;
	pthread_join(th, NULL);
	spawn_async_reap();
	CHECK(bad == 0);
	CHECK(nsig > 0);
	CHECK(waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGUSR1, SIG_DFL);
	if (bad)
		fprintf(stderr, "signal storm: %d of %d spawns went wrong\n", bad, n);
}

/* The same plan gives the same results with SPAWN_FORK. */
static void
t_fork_same(void)
{
	struct cmd c;
	struct spawn_result a, b;
	int sa, sb;

	cmd_prog(&c, "noexec", path_in("noexec"));
	add_open(&c.p, 2, path_in("err_same"), WR);
	sa = run(&c.p, &a);
	c.p.flags = SPAWN_FORK;
	sb = run(&c.p, &b);
	CHECK(sa == 126 && sb == 126);
	CHECK(a.failed == b.failed && a.err_op == b.err_op && a.err == b.err &&
	      a.exit_status == b.exit_status);
	CHECK_STR(slurp(path_in("err_same")), "spsh: noexec: Permission denied\n");
	c.p.flags = 0;
	add_open(&c.p, 0, path_in("nope"), O_RDONLY);
	sa = run(&c.p, &a);
	c.p.flags = SPAWN_FORK;
	sb = run(&c.p, &b);
	CHECK(sa == 1 && sb == 1 && a.err_op == 1 && b.err_op == 1 &&
	      a.err == ENOENT && b.err == ENOENT && a.exit_status == 1 && b.exit_status == 1);
	spawn_plan_free(&c.p);
}

static void
cleanup(void)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cleanup of %s failed\n", dir);
}

#define TEST(f) { #f, f }
static const struct { const char *name; void (*fn)(void); } tests[] = {
	TEST(t_true), TEST(t_stats), TEST(t_open), TEST(t_open_missing),
	TEST(t_open_eacces), TEST(t_not_found), TEST(t_exec_errors),
	TEST(t_enoexec), TEST(t_dup2), TEST(t_close), TEST(t_status_fd_safe),
	TEST(t_chdir), TEST(t_umask_prlimit), TEST(t_setpgid), TEST(t_tcsetpgrp),
	TEST(t_signals), TEST(t_noexec), TEST(t_moves_structure), TEST(t_moves),
	TEST(t_async_fifo), TEST(t_async_copy), TEST(t_async_reap),
	TEST(t_signal_storm), TEST(t_fork_same),
};

int
main(int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	const char *e = getenv("SPSH_FORCE_FORK");

	setvbuf(stdout, NULL, _IOLBF, 0);
	forced = e && strcmp(e, "1") == 0;
	snprintf(dir, sizeof dir, "%s/spawn_test.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
		if (argc > 1 && strcmp(argv[1], tests[i].name) != 0)
			continue;
		test_name = tests[i].name;
		test_ok = 1;
		tests[i].fn();
		printf("%s %s\n", test_ok ? "ok  " : "FAIL", test_name);
		if (test_ok)
			npass++;
		else
			nfail++;
	}
	cleanup();
	printf("%d passed, %d failed%s\n", npass, nfail, forced ? " (forced fork)" : "");
	return nfail ? 1 : 0;
}
