/* spawn.h: run a compiled spawn plan in a clone(CLONE_VM) child.
 *
 * A plan is a flat, ordered list of operations built by the parent in
 * ordinary memory, then executed by a child that shares the parent's memory
 * on a stack of its own, using nothing but raw system calls (no malloc, no
 * stdio, no errno), ending in execve over a list of candidate paths.
 * This library knows nothing about shells. */
#ifndef SPAWN_H
#define SPAWN_H
#include <signal.h>
#include <stddef.h>
#include <sys/resource.h>
#include <sys/types.h>

enum spawn_op_kind {
	SPAWN_OPEN,		/* fd = open(path, flags, mode) (moved onto fd) */
	SPAWN_DUP2,		/* dup2(fd2, fd); fd2 == fd clears FD_CLOEXEC */
	SPAWN_CLOSE,		/* close(fd); EBADF is not an error */
	SPAWN_CLOSE_FROM,	/* close every fd >= fd (close_range) */
	SPAWN_CHDIR,		/* chdir(path) */
	SPAWN_FCHDIR,		/* fchdir(fd) */
	SPAWN_UMASK,		/* umask(mode) */
	SPAWN_PRLIMIT,		/* setrlimit(resource, &rlim) */
	SPAWN_SETPGID,		/* setpgid(0, pgid); pgid 0: own group */
	SPAWN_TCSETPGRP,	/* tcsetpgrp(fd, pgid or own pid if 0) */
	SPAWN_SIGDFL,		/* signal sig to SIG_DFL */
	SPAWN_SIGIGN,		/* signal sig to SIG_IGN */
};

/* Parking slots (written by spawn_add_moves, usable by hand): an fd value
 * SPAWN_SLOT(i), i < SPAWN_NSLOTS, names the child's i-th parking slot.
 * SPAWN_DUP2 with fd = SPAWN_SLOT(i) parks fd2 on the lowest free fd >= 10,
 * close-on-exec (F_DUPFD_CLOEXEC), and remembers it in slot i; afterwards
 * fd2 = SPAWN_SLOT(i) in SPAWN_DUP2, or fd = SPAWN_SLOT(i) in SPAWN_CLOSE,
 * refers to that parked fd. (Addition to the original API.) */
#define SPAWN_NSLOTS 64
#define SPAWN_SLOT(i) (-2 - (int)(i))

struct spawn_op {
	enum spawn_op_kind kind;
	int fd;
	int fd2;
	int flags;		/* open flags */
	mode_t mode;		/* open mode, umask */
	int sig;
	pid_t pgid;
	int resource;
	struct rlimit rlim;
	const char *path;
	/* Name used in the error message if this op fails
	 * ("spsh: NAME: No such file or directory"); NULL: use path. */
	const char *errname;
};

enum spawn_flags {
	SPAWN_ASYNC = 1 << 0,	/* don't suspend the parent (no CLONE_VFORK) */
	SPAWN_FORK = 1 << 1,	/* use plain fork() (debugging, sanitizers) */
	SPAWN_NOEXEC = 1 << 2,	/* run the ops, then _exit(0) (tests) */
};

struct spawn_plan {
	struct spawn_op *ops;	/* executed in order */
	size_t nops, cap;	/* ops is malloc'd by spawn_add(); spawn_plan_free() */
	char *const *argv;	/* argv[0] is what the program sees */
	char *const *envp;
	/* Candidate paths tried in order until one execs; errors other than
	 * ENOENT/ENOTDIR/ENOEXEC-handled stop at the first that exists. */
	const char *const *paths;
	size_t npaths;
	/* Name for "not found" / "Permission denied" messages (argv[0] if NULL). */
	const char *cmdname;
	/* Interpreter for files that fail with ENOEXEC (no #!): execve(interp,
	 * {interp, path, argv[1], ...}). NULL: ENOEXEC is an error (126). */
	const char *enoexec_interp;
	/* Signals whose disposition is reset to SIG_DFL in the child before
	 * the ops run (the parent's caught signals). */
	sigset_t sig_default;
	/* Signal mask set immediately before execve. */
	sigset_t mask;
	/* Prefix of error messages written by the child to its own fd 2,
	 * e.g. "spsh: " or "spsh: script.sh: line 3: ". */
	const char *err_prefix;
	/* NULL: every exec failure that finds no file says "not found" (dash)
	 * with status 127. Else the detailed words (bash): this text for a
	 * command with no candidate path ("command not found"); a failed path
	 * is named as tried, with its errno's text, except ENOENT on a file
	 * that exists (a missing #! interpreter or loader): "cannot execute:
	 * required file not found"; ENOTDIR is then status 126. */
	const char *notfound_text;
	/* With notfound_text: the prefix of "PATH: INTERP: bad interpreter:
	 * ERROR" for a #! file that fails otherwise (bash's, without the line
	 * number); NULL: err_prefix. */
	const char *sys_prefix;
	unsigned flags;
};

struct spawn_result {
	pid_t pid;		/* > 0 when a child was created (even if it then failed) */
	int failed;		/* synchronous mode: 1 if the child did not exec */
	int err_op;		/* index of the failed op, or -1 for exec */
	int err;		/* errno of the failure */
	int exit_status;	/* what the failed child exits with: 127, 126 or 1 */
};

void spawn_plan_init(struct spawn_plan *p);
void spawn_plan_free(struct spawn_plan *p);	/* frees ops only */
struct spawn_op *spawn_add(struct spawn_plan *p, enum spawn_op_kind kind);
/* Adds ops that move src[i] onto dst[i] for all i at once (a parallel move:
 * sources that are also destinations are parked on fds >= 10 first, opened
 * close-on-exec), then closes the sources that are not destinations. */
void spawn_add_moves(struct spawn_plan *p, const int *src, const int *dst, size_t n);

/* Runs the plan. Returns 0 if a child was created (see result: in the
 * synchronous mode `failed` tells whether it exec'd), -1 with errno if
 * clone itself failed. The parent's signal mask is unchanged on return; the
 * caller blocks signals around the call if it needs the child registered
 * before any handler runs. In SPAWN_ASYNC mode the plan is copied, so the
 * caller may free it at once; errors of an async child are only visible in
 * its exit status (and the message it wrote). */
int spawn_run(const struct spawn_plan *p, struct spawn_result *r);
/* Notes on spawn_run (implementation facts callers may rely on):
 * - SPSH_FORCE_FORK=1 in the environment at the first call makes every
 *   call behave as if SPAWN_FORK were set. With SPAWN_FORK the synchronous
 *   mode still fills `failed`, `err_op`, `err` and `exit_status` (from a
 *   status pipe read to EOF), so both modes give the same results.
 * - The status pipe of the fork and asynchronous modes is invisible to the
 *   plan: ops that would overwrite its fd move it first, CLOSE of its number
 *   is a no-op (as for any fd that was not open) and CLOSE_FROM spares it.
 * - In SPAWN_ASYNC mode the parent also calls setpgid(pid, pgid) for each
 *   SPAWN_SETPGID op (errors ignored), as a shell does against the race.
 * - One thread at a time: the synchronous stack is shared by all calls.
 * - A failed exec reports ENOENT or ENOTDIR (the last seen) with status
 *   127 and the text "not found"; EACCES on a directory becomes EISDIR. */

/* Frees the resources of asynchronous children that have exec'd or died.
 * Cheap; call it from time to time (the shell calls it when reaping).
 * It blocks signals while it edits its list, so it may also be called from
 * a signal handler; it keeps errno. */
void spawn_async_reap(void);
/* The library's own fds (the status pipes of asynchronous children) live
 * at >= 10, close-on-exec. If one of them is `old`, the caller has made a
 * copy `new` of it: the library uses `new` from now on and returns 1 (the
 * caller then closes `old`); else returns 0. */
int spawn_relocate_fd(int old, int new);

/* Process creations by kind since start (for tests and benchmarks). */
struct spawn_stats { unsigned long clone_vm, fork; };
struct spawn_stats spawn_stats(void);

#endif
