/* spawn.c: run a spawn plan in a clone(CLONE_VM) child (see spawn.h).
 *
 * Parent side: the plan is prepared (strerror table, interpreter argv, an
 * async copy) with every signal blocked, then a child is created with
 * glibc's clone() on a private stack:
 *   synchronous:  CLONE_VM|CLONE_VFORK|SIGCHLD on one stack reused by every
 *                 call; the child writes its result into the parent's frame.
 *   asynchronous: CLONE_VM|SIGCHLD on a fresh mmap region that also holds a
 *                 copy of the plan; a close-on-exec status pipe reaches EOF
 *                 when the child has exec'd or exited, then the region is
 *                 unmapped (spawn_async_reap).
 *   fork:         plain fork(); results through a status pipe.
 *
 * Child side (child_main and below): raw system calls only (sys.h). No
 * malloc, stdio, locks, errno or strerror: error texts come from a table
 * the parent fills once. */
#include "spawn/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "spawn/sys.h"

/* Stack of a child: small, the child only runs the ops and execve. */
#define CHILD_STACK (64 * 1024)
/* Parked fds start here (DESIGN.md: sources parked on fds >= 10). */
#define PARK_MIN 10
/* Errno values with a precomputed strerror text. */
#define ERR_MAX 160

/* The child's view of one spawn. In the synchronous clone mode it lives in
 * spawn_run's frame; in the asynchronous clone mode in the mmap region. */
struct child {
	const struct spawn_plan *plan;
	char **iargv;		/* {interp, path, argv[1..], NULL} or NULL */
	int status_fd;		/* write end of the status pipe, or -1 */
	/* Written by the child when it fails (read by a CLONE_VFORK parent). */
	int failed, err_op, err, exit_status;
};

/* What a failing child writes to the status pipe (one atomic write). */
struct status_rec {
	int err_op, err, exit_status;
};

/* An asynchronous clone child: one mmap region, [guard][stack][region...]. */
struct region {
	struct region *next;
	void *base;
	size_t len;
	int rfd;		/* read end of the status pipe, non-blocking */
	pid_t pid;
	struct child child;
	struct spawn_plan plan;
};

static int initialized;
static int force_fork;
static char *sync_stack_top;
static struct region *regions;
static struct spawn_stats stats;
static char **sync_iargv;
static size_t sync_iargv_cap;
static size_t page_size;

/* strerror texts, copied once so the child can index them. */
static char err_text[12288];
static unsigned short err_off[ERR_MAX];
static unsigned short err_len[ERR_MAX];

/* ---- child side: raw system calls only ---- */

/* Kernel struct sigaction (x86_64 and the generic layout with sa_restorer;
 * with everything but the handler zero it also suits layouts without the
 * restorer field). */
struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask[2];
};

/* Per-child state on the child's stack. */
struct cstate {
	int sfd;		/* status fd, protected from the plan's ops */
	int slots[SPAWN_NSLOTS];
};

static size_t
c_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* Formats n (>= 0) in decimal at the end of buf[size]; returns the start. */
static char *
c_utoa(unsigned long n, char *buf, size_t size)
{
	char *p = buf + size;

	*--p = 0;
	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) && p > buf);
	return p;
}

/* Writes "<prefix><name>: <text>\n" to fd 2 in one writev and exits with
 * `status`; records the failure first (status pipe or shared memory).
 * `name` and `text` (NULL: from the op or the plan, and from `err`) are
 * the exec failure's words (child_main); with `interp`, the message is
 * "<sys_prefix><name>: <interp>: bad interpreter: <text>". */
static void __attribute__((noreturn))
c_fail(struct child *c, struct cstate *st, int op, int err, int status,
    const char *name, const char *text, const char *interp)
{
	const struct spawn_plan *p = c->plan;
	const char *prefix = interp != NULL && p->sys_prefix ? p->sys_prefix : p->err_prefix;
	char nbuf[24], tbuf[40];
	struct iovec iov[8];
	int n = 0;

	c->failed = 1;
	c->err_op = op;
	c->err = err;
	c->exit_status = status;
	if (st->sfd >= 0) {
		struct status_rec rec = { op, err, status };

		SPAWN_SYS3(SYS_write, st->sfd, &rec, sizeof rec);
	}
	if (name != NULL) {
		/* given */
	} else if (op >= 0) {
		const struct spawn_op *o = &p->ops[op];

		name = o->errname ? o->errname : o->path;
		if (!name)
			name = c_utoa((unsigned long)(o->fd < 0 ? 0 : o->fd), nbuf, sizeof nbuf);
	} else {
		name = p->cmdname;
		if (!name && p->argv)
			name = p->argv[0];
		if (!name)
			name = "";
	}
	if (text != NULL) {
		/* given */
	} else if (status == 127 && op < 0 && p->notfound_text == NULL) {
		text = "not found";
	} else if (err > 0 && err < ERR_MAX && err_len[err]) {
		text = err_text + err_off[err];
	} else {
		char *q = c_utoa((unsigned long)(err < 0 ? -err : err), tbuf + 14, sizeof tbuf - 14);

		q -= 14;
		for (int i = 0; i < 14; i++)
			q[i] = "Unknown error "[i];
		text = q;
	}
	if (prefix && *prefix) {
		iov[n].iov_base = (void *)prefix;
		iov[n++].iov_len = c_strlen(prefix);
	}
	iov[n].iov_base = (void *)name;
	iov[n++].iov_len = c_strlen(name);
	iov[n].iov_base = (void *)": ";
	iov[n++].iov_len = 2;
	if (interp != NULL) {
		iov[n].iov_base = (void *)interp;
		iov[n++].iov_len = c_strlen(interp);
		iov[n].iov_base = (void *)": bad interpreter: ";
		iov[n++].iov_len = 19;
	}
	iov[n].iov_base = (void *)text;
	iov[n++].iov_len = c_strlen(text);
	iov[n].iov_base = (void *)"\n";
	iov[n++].iov_len = 1;
	SPAWN_SYS3(SYS_writev, 2, iov, n);
	for (;;)
		SPAWN_SYS1(SYS_exit_group, status);
}

/* Resolves an op's fd value (a plain fd or SPAWN_SLOT(i)); -1 if none. */
static int
c_fd(const struct cstate *st, int fd)
{
	if (fd >= 0)
		return fd;
	if (fd <= -2 && -2 - fd < SPAWN_NSLOTS)
		return st->slots[-2 - fd];
	return -1;
}

/* Moves the status fd out of the way before `fd` is overwritten. The old
 * number is then replaced by the caller's dup. Returns 0 or -errno. */
static long
c_protect(struct cstate *st, int fd)
{
	long r;

	if (st->sfd < 0 || fd != st->sfd)
		return 0;
	r = SPAWN_SYS3(SYS_fcntl, st->sfd, F_DUPFD_CLOEXEC, PARK_MIN);
	if (r < 0)
		return r;
	st->sfd = (int)r;
	return 0;
}

/* Puts `from` onto `to` (from != to) with dup3. Returns 0 or -errno. */
static long
c_dup(struct cstate *st, int from, int to)
{
	long r;

	if (from < 0 || from == st->sfd)
		return -EBADF;
	if ((r = c_protect(st, to)) < 0)
		return r;
	r = SPAWN_SYS3(SYS_dup3, from, to, 0);
	return r < 0 ? r : 0;
}

/* close_range(from, to), falling back to a loop up to RLIMIT_NOFILE. */
static long
c_close_range(unsigned from, unsigned to)
{
	long r;

	if (from > to)
		return 0;
	r = SPAWN_SYS3(SYS_close_range, from, to, 0);
	if (r == -ENOSYS || r == -EINVAL) {
		struct { uint64_t cur, max; } lim = { 1024, 1024 };

		SPAWN_SYS4(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &lim);
		if (lim.cur > 65536)
			lim.cur = 65536;
		for (uint64_t fd = from; fd < lim.cur && fd <= to; fd++)
			SPAWN_SYS1(SYS_close, fd);
		r = 0;
	}
	return r;
}

/* Runs one op. Returns 0 or -errno. */
static long
c_op(struct cstate *st, const struct spawn_op *o)
{
	long r;
	int fd;

	switch (o->kind) {
	case SPAWN_OPEN:
		r = SPAWN_SYS4(SYS_openat, AT_FDCWD, o->path, o->flags, o->mode);
		if (r < 0 || r == o->fd)
			return r < 0 ? r : 0;
		fd = (int)r;
		r = c_dup(st, fd, o->fd);
		SPAWN_SYS1(SYS_close, fd);
		return r;
	case SPAWN_DUP2:
		if (o->fd <= -2) {	/* park fd2 in a slot */
			if (-2 - o->fd >= SPAWN_NSLOTS)
				return -EINVAL;
			fd = c_fd(st, o->fd2);
			if (fd < 0 || fd == st->sfd)
				return -EBADF;
			r = SPAWN_SYS3(SYS_fcntl, fd, F_DUPFD_CLOEXEC, PARK_MIN);
			if (r < 0)
				return r;
			st->slots[-2 - o->fd] = (int)r;
			return 0;
		}
		fd = c_fd(st, o->fd2);
		if (fd == o->fd) {	/* dup onto itself: clear FD_CLOEXEC */
			if (fd < 0 || fd == st->sfd)
				return -EBADF;
			r = SPAWN_SYS2(SYS_fcntl, fd, F_GETFD);
			if (r < 0)
				return r;
			if (r & FD_CLOEXEC)
				r = SPAWN_SYS3(SYS_fcntl, fd, F_SETFD, r & ~FD_CLOEXEC);
			return r < 0 ? r : 0;
		}
		if (o->fd < 0)
			return -EBADF;
		return c_dup(st, fd, o->fd);
	case SPAWN_CLOSE:
		fd = c_fd(st, o->fd);
		if (fd < 0 || fd == st->sfd)
			return 0;	/* the status fd is not the plan's: EBADF */
		if (o->fd <= -2)
			st->slots[-2 - o->fd] = -1;
		r = SPAWN_SYS1(SYS_close, fd);
		return r == -EBADF ? 0 : r;
	case SPAWN_CLOSE_FROM:
		if (o->fd < 0)
			return -EBADF;
		if (st->sfd >= o->fd) {
			r = c_close_range((unsigned)o->fd, (unsigned)st->sfd - 1);
			if (r < 0)
				return r;
			return c_close_range((unsigned)st->sfd + 1, ~0U);
		}
		return c_close_range((unsigned)o->fd, ~0U);
	case SPAWN_CHDIR:
		r = SPAWN_SYS1(SYS_chdir, o->path);
		return r < 0 ? r : 0;
	case SPAWN_FCHDIR:
		fd = c_fd(st, o->fd);
		if (fd < 0 || fd == st->sfd)
			return -EBADF;
		r = SPAWN_SYS1(SYS_fchdir, fd);
		return r < 0 ? r : 0;
	case SPAWN_UMASK:
		SPAWN_SYS1(SYS_umask, o->mode);
		return 0;
	case SPAWN_PRLIMIT: {
		struct { uint64_t cur, max; } lim;

		lim.cur = o->rlim.rlim_cur == RLIM_INFINITY ? ~(uint64_t)0 : o->rlim.rlim_cur;
		lim.max = o->rlim.rlim_max == RLIM_INFINITY ? ~(uint64_t)0 : o->rlim.rlim_max;
		r = SPAWN_SYS4(SYS_prlimit64, 0, o->resource, &lim, NULL);
		return r < 0 ? r : 0;
	}
	case SPAWN_SETPGID:
		r = SPAWN_SYS2(SYS_setpgid, 0, o->pgid);
		return r < 0 ? r : 0;
	case SPAWN_TCSETPGRP: {
		/* SIGTTOU is blocked: every signal is until the final mask. */
		pid_t pg = o->pgid;

		fd = c_fd(st, o->fd);
		if (fd < 0 || fd == st->sfd)
			return -EBADF;
		if (pg == 0)
			pg = (pid_t)SPAWN_SYS0(SYS_getpid);
		r = SPAWN_SYS3(SYS_ioctl, fd, TIOCSPGRP, &pg);
		return r < 0 ? r : 0;
	}
	case SPAWN_SIGDFL:
	case SPAWN_SIGIGN: {
		struct ksigaction ka = { 0 };

		ka.handler = o->kind == SPAWN_SIGDFL ? (void *)SIG_DFL : (void *)SIG_IGN;
		r = SPAWN_SYS4(SYS_rt_sigaction, o->sig, &ka, NULL, _NSIG / 8);
		return r < 0 ? r : 0;
	}
	}
	return -EINVAL;
}

/* Is `path` a directory? (turns execve's EACCES into "Is a directory") */
static int
c_isdir(const char *path)
{
	struct statx sx;

	if (SPAWN_SYS5(SYS_statx, AT_FDCWD, path, 0, STATX_TYPE, &sx) < 0)
		return 0;
	return S_ISDIR(sx.stx_mode);
}

/* Does `path` name something (a file whose interpreter or loader is
 * missing, when execve says ENOENT)? */
static int
c_exists(const char *path)
{
	struct statx sx;

	return SPAWN_SYS5(SYS_statx, AT_FDCWD, path, 0, STATX_TYPE, &sx) == 0;
}

/* The #! interpreter named by the file `path` into buf (bash's "bad
 * interpreter" message: a carriage return shown as ^M), or NULL. */
static const char *
c_interp(const char *path, char *buf, size_t size)
{
	long fd = SPAWN_SYS4(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0);
	long r, b = 2, e;

	if (fd < 0)
		return NULL;
	r = SPAWN_SYS3(SYS_read, fd, buf, size - 3);
	SPAWN_SYS1(SYS_close, fd);
	if (r < 3 || buf[0] != '#' || buf[1] != '!')
		return NULL;
	while (b < r && (buf[b] == ' ' || buf[b] == '\t'))
		b++;
	for (e = b; e < r && buf[e] != ' ' && buf[e] != '\t' && buf[e] != '\n' && buf[e]; e++)
		;
	if (e > b && buf[e - 1] == '\r') {
		buf[e - 1] = '^';
		buf[e++] = 'M';
	}
	buf[e] = '\0';
	return buf + b;
}

/* The child: dispositions, ops, mask, execve. Never returns. */
static int
child_main(void *arg)
{
	struct child *c = arg;
	const struct spawn_plan *p = c->plan;
	struct cstate st;
	int err = ENOENT, status = 127;
	const char *tried = NULL, *name = NULL, *text = NULL, *interp = NULL;
	char ibuf[128];

	st.sfd = c->status_fd;
	for (int i = 0; i < SPAWN_NSLOTS; i++)
		st.slots[i] = -1;
	for (int sig = 1; sig < _NSIG; sig++) {
		unsigned long w = p->sig_default.__val[(sig - 1) / (8 * sizeof(long))];

		if ((w >> ((sig - 1) % (8 * sizeof(long)))) & 1) {
			struct ksigaction ka = { 0 };	/* SIG_DFL */

			SPAWN_SYS4(SYS_rt_sigaction, sig, &ka, NULL, _NSIG / 8);
		}
	}
	/* An open can block for ever (a FIFO, a device): from the first open
	 * on, the final mask is in place, so the child can be killed there
	 * like the command itself (issue 17.8: `cat <fifo` and SIGTERM). That
	 * needs every disposition and terminal op done before it; caught
	 * signals are already back to SIG_DFL above. */
	size_t unmask_at = p->nops;
	for (size_t i = 0; i < p->nops; i++)
		if (p->ops[i].kind == SPAWN_OPEN) {
			unmask_at = i;
			break;
		}
	for (size_t i = unmask_at; i < p->nops; i++)
		if (p->ops[i].kind == SPAWN_SIGDFL || p->ops[i].kind == SPAWN_SIGIGN ||
		    p->ops[i].kind == SPAWN_TCSETPGRP || p->ops[i].kind == SPAWN_SETPGID) {
			unmask_at = p->nops;
			break;
		}
	for (size_t i = 0; i < p->nops; i++) {
		if (i == unmask_at)
			SPAWN_SYS4(SYS_rt_sigprocmask, SIG_SETMASK, &p->mask, NULL, _NSIG / 8);
		long r = c_op(&st, &p->ops[i]);

		if (r < 0)
			c_fail(c, &st, (int)i, (int)-r, 1, NULL, NULL, NULL);
	}
	SPAWN_SYS4(SYS_rt_sigprocmask, SIG_SETMASK, &p->mask, NULL, _NSIG / 8);
	if (p->flags & SPAWN_NOEXEC) {
		for (;;)
			SPAWN_SYS1(SYS_exit_group, 0);
	}
	for (size_t i = 0; i < p->npaths; i++) {
		const char *path = p->paths[i];
		long r = SPAWN_SYS3(SYS_execve, path, p->argv, p->envp);

		tried = path;
		if (r == -ENOENT || r == -ENOTDIR) {
			err = (int)-r;
			continue;
		}
		if (r == -ENOEXEC && c->iargv) {
			c->iargv[1] = (char *)path;
			r = SPAWN_SYS3(SYS_execve, c->iargv[0], c->iargv, p->envp);
		}
		err = (int)-r;
		status = 126;
		if (err == EACCES && c_isdir(path))
			err = EISDIR;
		break;
	}
	if (p->notfound_text != NULL) {
		/* the detailed words (bash): the path tried is named */
		if (tried == NULL) {
			text = p->notfound_text;
		} else {
			name = tried;
			if (status == 127 && err == ENOENT && c_exists(tried))
				text = "cannot execute: required file not found";
			else if (status == 127 && err == ENOTDIR)
				status = 126;
			else if (status == 126 && err != EISDIR)
				interp = c_interp(tried, ibuf, sizeof ibuf);
		}
	}
	c_fail(c, &st, -1, err, status, name, text, interp);
}

/* ---- parent side ---- */

/* Fills the strerror table and the sync stack; reads SPSH_FORCE_FORK. */
static int
init(void)
{
	size_t used = 0;
	const char *e;
	void *m;

	page_size = (size_t)sysconf(_SC_PAGESIZE);
	for (int i = 1; i < ERR_MAX; i++) {
		char buf[256];
		const char *s = strerror_r(i, buf, sizeof buf);
		size_t n = strlen(s);

		if (used + n + 1 > sizeof err_text || n > 0xffff)
			break;
		memcpy(err_text + used, s, n + 1);
		err_off[i] = (unsigned short)used;
		err_len[i] = (unsigned short)n;
		used += n + 1;
	}
	e = getenv("SPSH_FORCE_FORK");
	force_fork = e && strcmp(e, "1") == 0;
	m = mmap(NULL, CHILD_STACK + page_size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (m == MAP_FAILED)
		return -1;
	if (mprotect(m, page_size, PROT_NONE) == -1) {
		munmap(m, CHILD_STACK + page_size);
		return -1;
	}
	sync_stack_top = (char *)m + page_size + CHILD_STACK;
	initialized = 1;
	return 0;
}

void
spawn_plan_init(struct spawn_plan *p)
{
	memset(p, 0, sizeof *p);
	sigemptyset(&p->sig_default);
	sigemptyset(&p->mask);
}

void
spawn_plan_free(struct spawn_plan *p)
{
	free(p->ops);
	p->ops = NULL;
	p->nops = p->cap = 0;
}

struct spawn_op *
spawn_add(struct spawn_plan *p, enum spawn_op_kind kind)
{
	struct spawn_op *o;

	if (p->nops == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 8;
		struct spawn_op *n = realloc(p->ops, cap * sizeof *n);

		if (!n)
			abort();
		p->ops = n;
		p->cap = cap;
	}
	o = &p->ops[p->nops++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	return o;
}

/* Adds a SPAWN_DUP2 from `from` onto `to`. */
static void
add_dup(struct spawn_plan *p, int from, int to)
{
	struct spawn_op *o = spawn_add(p, SPAWN_DUP2);

	o->fd = to;
	o->fd2 = from;
}

/* The classic parallel-move sequencing: a move whose destination no pending
 * move still reads is emitted at once; when only cycles are left, one
 * source is parked in a slot (F_DUPFD_CLOEXEC >= 10 in the child) and the
 * moves reading it read the slot instead. A later move onto the same
 * destination wins; src == dst only clears close-on-exec. */
void
spawn_add_moves(struct spawn_plan *p, const int *src, const int *dst, size_t n)
{
	int *cur = malloc((n + 1) * sizeof *cur);
	char *pending = malloc(n + 1);
	size_t left = 0;
	int nslots = 0;

	if (!cur || !pending)
		abort();
	for (size_t i = 0; i < n; i++) {
		cur[i] = src[i];
		pending[i] = 1;
		for (size_t j = i + 1; j < n; j++)
			if (dst[j] == dst[i])
				pending[i] = 0;
		if (pending[i] && src[i] == dst[i]) {
			add_dup(p, src[i], dst[i]);
			pending[i] = 0;
		}
		left += pending[i];
	}
	while (left > 0) {
		int progress = 0;

		for (size_t i = 0; i < n; i++) {
			int busy = 0;

			if (!pending[i])
				continue;
			for (size_t j = 0; j < n && !busy; j++)
				busy = j != i && pending[j] && cur[j] == dst[i];
			if (busy)
				continue;
			add_dup(p, cur[i], dst[i]);
			pending[i] = 0;
			left--;
			progress = 1;
		}
		if (left == 0 || progress)
			continue;
		for (size_t i = 0; i < n; i++) {
			int s;

			if (!pending[i])
				continue;
			if (nslots >= SPAWN_NSLOTS)
				abort();	/* more than 64 cycles in one call */
			s = cur[i];
			add_dup(p, s, SPAWN_SLOT(nslots));
			for (size_t j = 0; j < n; j++)
				if (pending[j] && cur[j] == s)
					cur[j] = SPAWN_SLOT(nslots);
			nslots++;
			break;
		}
	}
	/* Close the sources that are not destinations, each once. */
	for (size_t i = 0; i < n; i++) {
		int dup = 0;

		for (size_t j = 0; j < n && !dup; j++)
			dup = dst[j] == src[i] || (j < i && src[j] == src[i]);
		if (!dup && src[i] >= 0)
			spawn_add(p, SPAWN_CLOSE)->fd = src[i];
	}
	for (int k = 0; k < nslots; k++)
		spawn_add(p, SPAWN_CLOSE)->fd = SPAWN_SLOT(k);
	free(cur);
	free(pending);
}

/* Builds {interp, NULL (path), argv[1..], NULL} in `v` (argc + 2 slots). */
static void
fill_iargv(char **v, const char *interp, char *const *argv)
{
	size_t k = 2;

	v[0] = (char *)interp;
	v[1] = NULL;
	if (argv && argv[0])
		for (size_t i = 1; argv[i]; i++)
			v[k++] = argv[i];
	v[k] = NULL;
}

static size_t
count_vec(char *const *v)
{
	size_t n = 0;

	if (v)
		while (v[n])
			n++;
	return n;
}

/* A bump copier over the async region; with base NULL it only measures. */
struct copier {
	char *base;
	size_t used;
};

static void *
cp_alloc(struct copier *c, size_t n)
{
	void *r;

	c->used = (c->used + 15) & ~(size_t)15;
	r = c->base ? c->base + c->used : NULL;
	c->used += n;
	return r;
}

static const char *
cp_str(struct copier *c, const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	d = c->base ? c->base + c->used : NULL;
	c->used += n;
	if (d)
		memcpy(d, s, n);
	return d;
}

/* Copies a NULL-terminated string vector (NULL stays NULL). */
static char **
cp_vec(struct copier *c, char *const *v)
{
	size_t n = count_vec(v);
	char **d;

	if (!v)
		return NULL;
	d = cp_alloc(c, (n + 1) * sizeof *d);
	for (size_t i = 0; i < n; i++) {
		const char *s = cp_str(c, v[i]);

		if (d)
			d[i] = (char *)s;
	}
	if (d)
		d[n] = NULL;
	return d;
}

/* Copies the plan `p` into `r->plan` (strings after it, through `c`), and
 * the interpreter argv; with c->base NULL only measures. */
static void
copy_plan(struct copier *c, struct region *r, const struct spawn_plan *p)
{
	struct spawn_op *ops = cp_alloc(c, p->nops * sizeof *ops);
	const char **paths = cp_alloc(c, (p->npaths + 1) * sizeof *paths);
	char **argv, **iargv = NULL;
	const char *interp;

	for (size_t i = 0; i < p->nops; i++) {
		const char *path = cp_str(c, p->ops[i].path);
		const char *errname = cp_str(c, p->ops[i].errname);

		if (ops) {
			ops[i] = p->ops[i];
			ops[i].path = path;
			ops[i].errname = errname;
		}
	}
	for (size_t i = 0; i < p->npaths; i++) {
		const char *s = cp_str(c, p->paths[i]);

		if (paths)
			paths[i] = s;
	}
	argv = cp_vec(c, p->argv);
	if (p->enoexec_interp)
		iargv = cp_alloc(c, (count_vec(p->argv) + 2) * sizeof *iargv);
	interp = cp_str(c, p->enoexec_interp);
	if (!c->base)
		return;
	r->plan = *p;
	r->plan.ops = ops;
	r->plan.cap = p->nops;
	r->plan.paths = paths;
	r->plan.argv = argv;
	r->plan.envp = cp_vec(c, p->envp);
	r->plan.cmdname = cp_str(c, p->cmdname);
	r->plan.err_prefix = cp_str(c, p->err_prefix);
	r->plan.notfound_text = cp_str(c, p->notfound_text);
	r->plan.sys_prefix = cp_str(c, p->sys_prefix);
	r->plan.enoexec_interp = interp;
	if (iargv)
		fill_iargv(iargv, interp, argv);
	r->child.iargv = iargv;
}

/* Measures the async copy (the envp and names are measured here too). */
static size_t
measure_plan(const struct spawn_plan *p)
{
	struct copier c = { NULL, 0 };

	copy_plan(&c, NULL, p);
	cp_vec(&c, p->envp);
	cp_str(&c, p->cmdname);
	cp_str(&c, p->err_prefix);
	cp_str(&c, p->notfound_text);
	cp_str(&c, p->sys_prefix);
	return c.used;
}

/* Starts an asynchronous CLONE_VM child on a region of its own. */
static int
run_async_clone(const struct spawn_plan *p, struct spawn_result *res)
{
	size_t data = measure_plan(p) + sizeof(struct region) + 64;
	size_t len = page_size + CHILD_STACK + data;
	struct region *r;
	struct copier c;
	char *base;
	int fds[2], e;
	pid_t pid;

	len = (len + page_size - 1) & ~(page_size - 1);
	base = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (base == MAP_FAILED)
		return -1;
	if (mprotect(base, page_size, PROT_NONE) == -1 ||
	    pipe2(fds, O_CLOEXEC | O_NONBLOCK) == -1) {
		e = errno;
		munmap(base, len);
		errno = e;
		return -1;
	}
	/* out of the range a script uses (0-9): `exec 3<file` must not
	 * replace the status pipe, nor a later `$(...)` reuse its number */
	for (int k = 0; k < 2; k++) {
		int hi = fcntl(fds[k], F_DUPFD_CLOEXEC, PARK_MIN);
		if (hi >= 0) {
			close(fds[k]);
			fds[k] = hi;
		}
	}
	r = (struct region *)(base + page_size + CHILD_STACK);
	r->base = base;
	r->len = len;
	r->rfd = fds[0];
	r->child.iargv = NULL;
	c.base = (char *)(r + 1);
	c.used = 0;
	copy_plan(&c, r, p);
	r->child.plan = &r->plan;
	r->child.status_fd = fds[1];
	r->child.failed = 0;
	r->child.err_op = -1;
	pid = clone(child_main, base + page_size + CHILD_STACK, CLONE_VM | SIGCHLD, &r->child);
	e = errno;
	close(fds[1]);
	if (pid == -1) {
		close(fds[0]);
		munmap(base, len);
		errno = e;
		return -1;
	}
	stats.clone_vm++;
	r->pid = pid;
	r->next = regions;
	regions = r;
	res->pid = pid;
	return 0;
}

/* Reads a status pipe to EOF (blocking) into res. */
static void
read_status(int fd, struct spawn_result *res)
{
	struct status_rec rec;
	size_t got = 0;

	for (;;) {
		ssize_t n = read(fd, (char *)&rec + got, sizeof rec - got);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
		if (got == sizeof rec) {
			res->failed = 1;
			res->err_op = rec.err_op;
			res->err = rec.err;
			res->exit_status = rec.exit_status;
			got = 0;
		}
	}
}

/* Starts a child with fork(); in the synchronous mode waits for its exec. */
static int
run_fork(const struct spawn_plan *p, struct spawn_result *res, int async)
{
	struct child c = { p, NULL, -1, 0, -1, 0, 0 };
	int fds[2] = { -1, -1 }, e;
	pid_t pid;

	if (!async && pipe2(fds, O_CLOEXEC) == -1)
		return -1;
	if (p->enoexec_interp) {
		c.iargv = malloc((count_vec(p->argv) + 2) * sizeof *c.iargv);
		if (!c.iargv) {
			e = errno;
			goto fail;
		}
		fill_iargv(c.iargv, p->enoexec_interp, p->argv);
	}
	c.status_fd = fds[1];
	pid = fork();
	if (pid == 0) {
		if (fds[0] >= 0)
			SPAWN_SYS1(SYS_close, fds[0]);
		child_main(&c);
	}
	e = errno;
	free(c.iargv);
	if (pid == -1)
		goto fail;
	stats.fork++;
	res->pid = pid;
	if (!async) {
		close(fds[1]);
		read_status(fds[0], res);
		close(fds[0]);
	}
	return 0;
fail:
	if (fds[0] >= 0) {
		close(fds[0]);
		close(fds[1]);
	}
	errno = e;
	return -1;
}

/* Starts a synchronous CLONE_VM|CLONE_VFORK child on the reused stack. */
static int
run_sync_clone(const struct spawn_plan *p, struct spawn_result *res)
{
	struct child c = { p, NULL, -1, 0, -1, 0, 0 };
	pid_t pid;

	if (p->enoexec_interp) {
		size_t need = count_vec(p->argv) + 2;

		if (need > sync_iargv_cap) {
			char **v = realloc(sync_iargv, need * sizeof *v);

			if (!v)
				return -1;
			sync_iargv = v;
			sync_iargv_cap = need;
		}
		fill_iargv(sync_iargv, p->enoexec_interp, p->argv);
		c.iargv = sync_iargv;
	}
	pid = clone(child_main, sync_stack_top, CLONE_VM | CLONE_VFORK | SIGCHLD, &c);
	if (pid == -1)
		return -1;
	stats.clone_vm++;
	res->pid = pid;
	/* The child has exec'd or exited: its writes to c are complete. */
	res->failed = c.failed;
	res->err_op = c.err_op;
	res->err = c.err;
	res->exit_status = c.exit_status;
	return 0;
}

/* Frees the regions whose status pipe reached EOF. Signals are blocked. */
static void
reap_locked(void)
{
	struct region **pp = &regions;

	while (*pp) {
		struct region *r = *pp;
		char buf[64];
		ssize_t n;

		while ((n = read(r->rfd, buf, sizeof buf)) > 0 || (n == -1 && errno == EINTR))
			;
		if (n == 0) {
			*pp = r->next;
			close(r->rfd);
			munmap(r->base, r->len);
		} else {
			pp = &r->next;
		}
	}
}

int
spawn_relocate_fd(int old, int new)
{
	int found = 0;

	for (struct region *r = regions; r; r = r->next)
		if (r->rfd == old) {
			r->rfd = new;
			found = 1;
		}
	return found;
}

void
spawn_async_reap(void)
{
	sigset_t all, old;
	int e;

	if (!regions)
		return;
	e = errno;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	reap_locked();
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = e;
}

/* A plan that opens files can block in the child before execve (a FIFO,
 * a device), and a CLONE_VFORK parent or a fork parent reading the status
 * pipe with it. The signals whose action is still the default one
 * (termination) stay deliverable meanwhile, so `kill $$` ends the shell as
 * it ends dash (issue 17.8); caught ones stay blocked (their handlers would
 * run on memory the child shares). The child starts with the same mask. */
static void
unblock_default_fatal(const struct spawn_plan *p, sigset_t *set)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2 };
	size_t i;

	for (i = 0; i < p->nops && p->ops[i].kind != SPAWN_OPEN; i++)
		;
	if (i == p->nops)
		return;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction sa;

		if (sigaction(sigs[i], NULL, &sa) == 0 && !(sa.sa_flags & SA_SIGINFO) &&
		    sa.sa_handler == SIG_DFL && !sigismember(&p->mask, sigs[i]))
			sigdelset(set, sigs[i]);
	}
}

int
spawn_run(const struct spawn_plan *p, struct spawn_result *r)
{
	int async = (p->flags & SPAWN_ASYNC) != 0, use_fork, rc, e;
	sigset_t all, old;

	r->pid = -1;
	r->failed = 0;
	r->err_op = -1;
	r->err = 0;
	r->exit_status = 0;
	sigfillset(&all);
	unblock_default_fatal(p, &all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (!initialized && init() == -1) {
		e = errno;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		errno = e;
		return -1;
	}
	if (regions)
		reap_locked();
	use_fork = force_fork || (p->flags & SPAWN_FORK);
	if (use_fork)
		rc = run_fork(p, r, async);
	else if (async)
		rc = run_async_clone(p, r);
	else
		rc = run_sync_clone(p, r);
	e = errno;
	if (rc == 0 && async) {
		/* The parent's half of setpgid, against the race with the
		 * child (DESIGN.md: job control order); errors ignored. */
		for (size_t i = 0; i < p->nops; i++)
			if (p->ops[i].kind == SPAWN_SETPGID)
				setpgid(r->pid, p->ops[i].pgid ? p->ops[i].pgid : r->pid);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return rc;
}

struct spawn_stats
spawn_stats(void)
{
	return stats;
}
