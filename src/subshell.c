/* subshell.c: subshells (XCU 2.9.4.1, 2.12) and the only call of fork()
 * outside lib/spawn. `( cmd )` and `( cd dir && cmd )` whose command is
 * external run as one spawn plan instead; other lists fork. */
#include <stdlib.h>
#include <string.h>

#include "../builtins/cd.h"
#include "executor.h"
#include "job.h"
#include "redir.h"

/* ---- subshells, pipelines and asynchronous lists ---- */

/* The status a subshell exits with after an expansion error. */
int
subshell_error_status(struct shell *sh)
{
	int st = sh->opt.posix && sh->expand_err >= 2 ? 2 : 1;

	sh->expand_err = 0;
	return st;
}

/* A word whose expansion does not depend on the working directory and
 * runs nothing: no $(...), no unquoted parameter (its value could hold
 * pattern characters), no unquoted * ? [. */
static bool
word_cwd_free(struct word *w)
{
	struct wpart *p;

	if (simple_parts_have_cmdsub(w->parts) || simple_word_has_side_effects(w))
		return false;
	for (p = w->parts; p != NULL; p = p->next) {
		if (p->kind == WP_PARAM || p->kind == WP_CMDSUB || p->kind == WP_ARITH)
			return false;
		if (p->kind == WP_LIT && !p->u.lit.quoted && strpbrk(p->u.lit.text, "*?[") != NULL)
			return false;
	}
	return true;
}

static bool
words_cwd_free(struct word *w)
{
	for (; w != NULL; w = w->next)
		if (!word_cwd_free(w))
			return false;
	return true;
}

static bool
path_all_absolute(const char *path)
{
	const char *p = path;

	if (path == NULL)
		return true;
	for (;;) {
		if (*p != '/')
			return false;	/* empty or relative: the cwd counts */
		p = strchrnul(p, ':');
		if (*p == '\0')
			return true;
		p++;
	}
}

/* `( cd DIR && cmd )` with cmd one external command: cd becomes the
 * plan's chdir operation, so nothing forks (DESIGN.md). Taken only when
 * the result is exactly what the subshell would do: cd is the builtin, DIR
 * names a directory without CDPATH or printing, and nothing in cmd depends
 * on the directory before it runs. Returns false if the subshell must run
 * as usual (nothing has run then). */
static bool
subshell_cd_plan(struct shell *sh, struct ast_andor *a, int *status)
{
	struct ast_simple *cd = (struct ast_simple *)a->left, *c = (struct ast_simple *)a->right;
	struct wpart *w;
	struct prep p = { 0 };
	char **argv, *dir;

	if (a->base.kind != AST_AND || a->left->kind != AST_SIMPLE ||
	    a->right->kind != AST_SIMPLE || sh->opt.xtrace)
		return false;
	if (cd->assigns != NULL || cd->base.redirs != NULL || cd->words == NULL ||
	    cd->words->next == NULL || cd->words->next->next != NULL)
		return false;
	w = cd->words->parts;
	if (w == NULL || w->next != NULL || w->kind != WP_LIT || w->u.lit.quoted ||
	    strcmp(w->u.lit.text, "cd") != 0 || exec_find_function(sh, "cd") != NULL ||
	    builtin_find("cd") == NULL)
		return false;
	if (!words_cwd_free(cd->words) || c->words == NULL || !words_cwd_free(c->words))
		return false;
	for (struct assign *as = c->assigns; as != NULL; as = as->next)
		if (!word_cwd_free(as->value))
			return false;
	for (struct redir *r = c->base.redirs; r != NULL; r = r->next)
		if ((r->target != NULL && !word_cwd_free(r->target)) ||
		    (r->here != NULL && !r->here->quoted))
			return false;
	if (expand_words(sh, cd->words, &argv) != 2)
		return false;
	if ((dir = cd_plan_target(sh, argv[1])) == NULL)
		return false;
	sh->lineno = c->base.lineno;
	if (simple_prepare(sh, c, &p) != 0 || p.kind != P_EXTERNAL ||
	    (strchr(p.argv[0], '/') == NULL && !path_all_absolute(var_get(sh, "PATH")))) {
		simple_prep_free(&p);
		free(dir);
		return false;
	}
	p.chdir_to = dir;
	char *name = arena_alloc(&sh->eval, strlen(argv[1]) + 5);
	stpcpy(stpcpy(name, "cd: "), argv[1]);
	p.chdir_name = name;
	*status = simple_run_prepared(sh, &p);
	simple_prep_free(&p);
	return true;
}

static void subshell_enter(struct shell *sh);

/* set -e and the ERR trap for the status of ( ), unless it is the command
 * that `!` inverts */
static void
subshell_errexit(struct shell *sh, struct ast_group *g)
{
	if (&g->base != sh->bang_node)
		exec_check_errexit(sh);
}

int
subshell_run(struct shell *sh, struct ast_group *g, bool tail)
{
	struct job *job;
	struct ast_node *b = g->body;

	/* `(cmd)` where cmd is one external command: the subshell has nothing
	 * else to do, so the command is spawned as it is (DESIGN.md). Any
	 * other simple command, once expanded here, runs in the child as it
	 * is: its expansions (a $(...) in them) must not run twice. */
	struct prep p = { 0 };
	struct arena_mark m = arena_mark(&sh->eval);
	bool prepared = false;
	int st;

	/* The last command of a forked subshell: the subshell has nothing
	 * left to do after it, so it becomes the new subshell itself instead
	 * of forking and waiting (bash and dash do the same), and its last
	 * command execs in place: `(a; b) &` is one process whose pid is $!.
	 * Not with a trap set: it would run after the list (EXIT, ERR of the
	 * ( ) command) or be reset in the new subshell while the old one
	 * still needs it. */
	bool bare = sh->subshell_bare;

	sh->subshell_bare = false;
	if (tail && sh->subshell && (bare || plan_can_exec_in_place(sh))) {
		subshell_enter(sh);
		sh->subshell_bare = b != NULL && b->kind == AST_SUBSHELL;
		sh->tail = true;
		return exec_node(sh, b);
	}

	bool plain = sh->traps[0] == NULL && !TRAP_INHERITED(sh);

	if (b != NULL && b->kind == AST_AND && plain &&
	    subshell_cd_plan(sh, (struct ast_andor *)b, &st)) {
		arena_release(&sh->eval, m);
		sh->status = st;
		subshell_errexit(sh, g);
		return st;
	}
	if (b != NULL && b->kind == AST_SIMPLE && plain) {
		struct ast_simple *c = (struct ast_simple *)b;
		int pr = c->words != NULL && simple_is_pure(c) ? simple_prepare(sh, c, &p) : 1;
		if (pr < 0) {
			simple_prep_free(&p);
			arena_release(&sh->eval, m);
			sh->status = subshell_error_status(sh);
			subshell_errexit(sh, g);
			return sh->status;
		}
		if (pr == 0 && p.kind == P_SPECIAL)
			plan_exec_prep(sh, &p);	/* (exec cmd): cmd */
		if (pr == 0 && p.kind == P_EXTERNAL) {
			sh->lineno = b->lineno;
			st = simple_run_prepared(sh, &p);
			simple_prep_free(&p);
			arena_release(&sh->eval, m);
			sh->status = st;
			subshell_errexit(sh, g);
			return st;
		}
		prepared = pr == 0;
	}
	job = job_new(sh, NULL, false);
	job->cmd = pipeline_command_text(sh, &g->base, false);
	pid_t pid = subshell_fork(sh);
	if (pid < 0) {
		simple_prep_free(&p);
		arena_release(&sh->eval, m);
		job_free(sh, job);
		return sh->status = 2;
	}
	if (pid == 0) {
		if (sh->opt_monitor_saved)
			job_child_enter(sh, 0, true);
		if (prepared)
			subshell_exit(sh, simple_run_prepared(sh, &p));
		sh->subshell_bare = b != NULL && b->kind == AST_SUBSHELL;
		sh->tail = true;
		exec_node(sh, g->body);
		subshell_exit(sh, sh->status);
	}
	simple_prep_free(&p);
	arena_release(&sh->eval, m);
	job_add_proc(sh, job, pid);
	if (job_control(sh))
		setpgid(pid, pid);
	sh->status = job_wait_fg(sh, job);
	subshell_errexit(sh, g);
	return sh->status;
}

/* ---- subshells ---- */

/* What a new subshell starts with (XCU 2.12), in the child of a fork or in
 * a subshell that runs its last `( list )` itself (subshell_run). */
static void
subshell_enter(struct shell *sh)
{
	/* pipe ends of other pipeline stages: a child holding the read
	 * end of its own output pipe never lets its writer see EPIPE
	 * (`(yes) | head -1`), one holding a write end keeps a reader
	 * from seeing EOF */
	for (size_t i = 0; i < sh->nfork_close; i++)
		close(sh->fork_close[i]);
	sh->nfork_close = 0;
	coproc_fork_child(sh);	/* bash: no coproc fds in subshells */
	/* `break N` in a subshell ends at most its own loops (bash,
	 * yash): the loops around the subshell are in another process */
	sh->loop_depth = 0;
	sh->opt_monitor_saved = job_control(sh);
	sh->subshell = true;
	sh->subshell_nested = true;
	sh->subshell_level++;
	sh->level_pending = false;
	sh->opt.monitor = false;
	sh->of_interactive |= sh->opt.interactive;
	sh->opt.interactive = false;
	job_forget_all(sh);
	trap_subshell_reset(sh);
	redir_forked();
}

pid_t
subshell_fork(struct shell *sh)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	read_sync();	/* the child shares the fds' offsets */
	pid = fork();
	if (pid < 0) {
		diag_errno(sh, "fork");
		return -1;
	}
	if (pid == 0) {
		subshell_enter(sh);
		return 0;
	}
	sh->n_fork++;
	return pid;
}

void
subshell_fork_close(struct shell *sh, int fd)
{
	if (fd < 0)
		return;
	if (sh->nfork_close == sh->fork_close_cap) {
		sh->fork_close_cap = sh->fork_close_cap ? 2 * sh->fork_close_cap : 8;
		sh->fork_close = realloc(sh->fork_close, sh->fork_close_cap * sizeof *sh->fork_close);
		if (sh->fork_close == NULL)
			abort();
	}
	sh->fork_close[sh->nfork_close++] = fd;
}

void
subshell_fork_keep(struct shell *sh, int fd)
{
	for (size_t i = 0; i < sh->nfork_close; i++)
		if (sh->fork_close[i] == fd) {
			sh->fork_close[i] = sh->fork_close[--sh->nfork_close];
			return;
		}
}

void
subshell_run_body(struct shell *sh, bool prepared, struct prep *p, struct ast_node *body)
{
	if (prepared)
		subshell_exit(sh, simple_run_prepared(sh, p));
	sh->tail = true;
	exec_node(sh, body);
	subshell_exit(sh, sh->status);
}

void
subshell_exit(struct shell *sh, int status)
{
	sh->status = status;
	trap_run_exit(sh);
	if (sh->flow == FLOW_EXIT)
		status = sh->exit_status;
	fflush(stdout);
	fflush(stderr);
	read_sync();	/* the parent reads on where this one stopped */
	_exit(sh->flow == FLOW_EXIT ? sh->exit_status : status);
}
