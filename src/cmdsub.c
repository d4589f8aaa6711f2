/* cmdsub.c: command substitution (XCU 2.6.3), with three strategies:
 * one external command is a spawn plan writing to a pipe; a list of
 * builtins whose output does not depend on being in a subshell runs in
 * the shell with stdout captured in a memfd; anything else forks. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>

#include "executor.h"
#include "job.h"
#include "redir.h"

/* ---- command substitution ---- */

static void
read_all(struct shell *sh, int fd, struct strbuf *out)
{
	char buf[8192];
	ssize_t n;
	bool nul = false;

	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		/* A NUL cannot be in a shell string: dropped, not truncating
		 * the value (dash, bash; bash warns too). */
		char *p = buf, *end = buf + n, *z;
		while ((z = memchr(p, '\0', (size_t)(end - p))) != NULL) {
			sb_addn(out, p, (size_t)(z - p));
			p = z + 1;
			nul = true;
		}
		sb_addn(out, p, (size_t)(end - p));
	}
	if (nul)
		diag_error(sh, "warning: command substitution: ignored null byte in input");
}

/* Builtins whose output in $(...) is the same whether or not they run in a
 * subshell: they run here with stdout captured in a memfd. */
bool
cmdsub_capture_safe(const struct builtin *b)
{
	static const char *const ok[] = { "echo", "printf", "pwd", "true", "false", ":", "test", "[" };
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strcmp(b->name, ok[i]) == 0)
			return true;
	return false;
}

/* A simple command that surely runs a cmdsub_capture_safe() builtin, decided
 * before anything is expanded: its name is a plain word naming one, and no
 * function hides it. */
/* Whether set -e holds inside $(...): in posix mode (XCU 2.6.3, dash,
 * bash --posix) or with inherit_errexit; else bash turns it off there. */
static bool
cmdsub_errexit(struct shell *sh)
{
	return sh->opt.errexit && (sh->opt.posix || sh->shopt.inherit_errexit);
}

static bool
static_capture_safe(struct shell *sh, struct ast_node *n)
{
	struct ast_simple *c = (struct ast_simple *)n;
	struct wpart *w;
	const struct builtin *b;

	if (n->kind != AST_SIMPLE || n->redirs != NULL || c->assigns != NULL ||
	    c->words == NULL || !simple_is_pure(c) || TRAP_INHERITED(sh))
		return false;
	w = c->words->parts;
	if (w == NULL || w->next != NULL || w->kind != WP_LIT || w->u.lit.quoted)
		return false;
	b = builtin_find(w->u.lit.text);
	return b != NULL && cmdsub_capture_safe(b) && exec_find_function(sh, w->u.lit.text) == NULL;
}

/* Runs `n` cmdsub_capture_safe() simple commands in the shell with their output
 * in a memfd, appended to `out`: $(echo ...; printf ...) starts no
 * process. An expansion error ends them as it would end the subshell.
 * Returns 0, or -1 if the memfd could not be set up (nothing ran). */
static int
capture_builtins(struct shell *sh, struct ast_node **cmds, size_t n, struct strbuf *out)
{
	int mfd = memfd_create("spsh-cmdsub", MFD_CLOEXEC);
	int saved = fcntl(1, F_DUPFD_CLOEXEC, 64);
	int st = 0;
	size_t i;

	fflush(stdout);
	read_sync_fd(1);
	if (mfd < 0 || dup2(mfd, 1) != 1) {
		if (mfd >= 0)
			close(mfd);
		if (saved >= 0)
			close(saved);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct prep p;
		struct arena_mark m = arena_mark(&sh->eval);
		sh->lineno = cmds[i]->lineno;
		if (simple_prepare(sh, (struct ast_simple *)cmds[i], &p) != 0) {
			simple_prep_free(&p);
			arena_release(&sh->eval, m);
			st = subshell_error_status(sh);
			break;
		}
		simple_xtrace(sh, &p);
		st = p.bi->fn(sh, p.argc, p.argv);
		fflush(stdout);
		clearerr(stdout);
		simple_prep_free(&p);
		arena_release(&sh->eval, m);
		/* set -e holds in the subshell too (XCU 2.6.3, dash, bash
		 * --posix): $(echo one; false; echo two) ends at false;
		 * bash's needs inherit_errexit (cmdsub_errexit) */
		if (st != 0 && cmdsub_errexit(sh) && sh->errexit_suppressed == 0)
			break;
	}
	read_sync_fd(1);
	if (saved >= 0) {
		dup2(saved, 1);
		close(saved);
	} else {
		close(1);
	}
	lseek(mfd, 0, SEEK_SET);
	read_all(sh, mfd, out);
	close(mfd);
	sh->status = st;
	return 0;
}

/* bash's $(<file), `<file`: a body that is one input redirection and
 * nothing else is the contents of the file, read by the shell (POSIX
 * leaves a body of only redirections unspecified; dash gives ""). */
static bool
is_read_file(const struct ast_node *body)
{
	const struct ast_simple *c = (const struct ast_simple *)body;
	const struct redir *r = body->redirs;

	return body->kind == AST_SIMPLE && c->words == NULL && c->assigns == NULL &&
	    r != NULL && r->next == NULL && r->kind == REDIR_IN && r->fd <= 0 &&
	    r->varname == NULL;
}

static int
read_file(struct shell *sh, struct ast_node *body, struct strbuf *out)
{
	struct redir_undo undo = { 0 };
	int saved_lineno = sh->lineno;

	sh->lineno = body->lineno;
	sh->status = redir_apply(sh, body->redirs, &undo);
	if (sh->status == 0)
		read_all(sh, 0, out);
	redir_undo(sh, &undo);
	sh->lineno = saved_lineno;
	return 0;
}

/* $(...) (XCU 2.6.3). In order of preference: builtins whose output does
 * not depend on a subshell run here (capture_builtins); one external
 * command is spawned with its stdout on a pipe; anything else forks. A
 * simple command expanded here is never expanded again in the child. */
int
exec_cmdsub(struct shell *sh, struct ast_node *body, struct strbuf *out)
{
	int fds[2], st = 0;
	struct job *job;
	pid_t pid = 0;
	struct prep p = { 0 };
	bool prepared = false;
	int saved_lineno = sh->lineno;
	struct arena_mark m = arena_mark(&sh->eval);

	if (is_read_file(body))
		return read_file(sh, body, out);
	if (body->kind == AST_LIST) {
		struct ast_list *l = (struct ast_list *)body;
		size_t i;
		struct ast_node **cmds = arena_alloc(&sh->eval, l->n * sizeof *cmds);
		for (i = 0; i < l->n; i++) {
			if (l->items[i].async || !static_capture_safe(sh, l->items[i].cmd))
				break;
			cmds[i] = l->items[i].cmd;
		}
		if (i == l->n && capture_builtins(sh, cmds, l->n, out) == 0) {
			sh->lineno = saved_lineno;
			arena_release(&sh->eval, m);
			return 0;
		}
	} else if (body->kind == AST_SIMPLE && simple_is_pure((struct ast_simple *)body) &&
	    !TRAP_INHERITED(sh)) {
		struct ast_simple *c = (struct ast_simple *)body;
		sh->lineno = body->lineno;
		if (static_capture_safe(sh, body) && capture_builtins(sh, &body, 1, out) == 0) {
			sh->lineno = saved_lineno;
			arena_release(&sh->eval, m);
			return 0;
		}
		if (simple_prepare(sh, c, &p) < 0) {
			simple_prep_free(&p);
			arena_release(&sh->eval, m);
			sh->status = subshell_error_status(sh);
			sh->lineno = saved_lineno;
			return 0;
		}
		prepared = true;
	}
	sh->lineno = saved_lineno;
	if (pipe2(fds, O_CLOEXEC) != 0) {
		diag_errno(sh, "pipe");
		simple_prep_free(&p);
		arena_release(&sh->eval, m);
		return -1;
	}
	/* out of 0-9: `x=$(cat <&3)` must not read its own pipe (dash: EBADF) */
	fds[0] = redir_private_fd(fds[0]);
	fds[1] = redir_private_fd(fds[1]);
	job = job_new(sh, NULL, false);
	if (prepared && p.kind == P_SPECIAL && p.c->assigns == NULL)
		plan_exec_prep(sh, &p);	/* $(exec cmd): cmd */
	if (prepared && p.kind == P_EXTERNAL && p.c->assigns == NULL) {
		/* one external command: spawned, its stdout on the pipe */
		bool mon = sh->opt.monitor;
		simple_xtrace(sh, &p);
		sh->opt.monitor = false;	/* stays in our process group */
		st = plan_spawn(sh, &p, -1, fds[1], job, RUN_PIPE);
		sh->opt.monitor = mon;
	} else if ((pid = subshell_fork(sh)) == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		close(fds[1]);
		sh->opt.monitor = false;
		sh->opt.errexit = cmdsub_errexit(sh);
		subshell_run_body(sh, prepared, &p, body);
	} else if (pid < 0) {
		st = 2;
	} else {
		job_add_proc(sh, job, pid);
	}
	simple_prep_free(&p);
	arena_release(&sh->eval, m);
	close(fds[1]);
	if (st == 0)
		read_all(sh, fds[0], out);
	close(fds[0]);
	if (st != 0 || job->nproc == 0) {
		job_free(sh, job);
		sh->status = st;
		return pid < 0 ? -1 : 0;
	}
	job->pgid = 0;
	sh->status = job_wait_fg(sh, job);
	/* Ctrl-C killed it: the command it is part of does not run */
	return sh->flow == FLOW_ABORT ? -1 : 0;
}
