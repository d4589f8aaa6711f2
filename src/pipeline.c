/* pipeline.c: pipelines (XCU 2.9.2) and asynchronous lists (XCU
 * 2.9.3.1). Every external stage starts from a spawn plan with its pipe
 * ends as plan operations; echo/printf/test-style stages whose reader is
 * external run in the shell; other stages (compound commands, functions,
 * builtins) run in a forked subshell. */
#include <fcntl.h>
#include <string.h>

#include "executor.h"
#include "job.h"
#include "redir.h"

/* The text of a job for `jobs` and notices: always for background jobs,
 * for foreground ones only where they can be stopped (job control). */
char *
pipeline_command_text(struct shell *sh, struct ast_node *n, bool bg)
{
	struct strbuf b = STRBUF_INIT;
	char *s;

	if (!bg && !sh->opt.interactive && !sh->opt.monitor)
		return NULL;
	ast_print(&b, n);
	s = sb_detach(&b);
	return s;
}

/* Runs `n` in a forked child with stdin/stdout from in/out. */
static int
fork_stage(struct shell *sh, struct ast_node *n, struct prep *p, int in, int out,
    struct job *job, enum run_mode mode)
{
	/* read before the fork: the child forgets the jobs that have no
	 * process yet (job_forget_all), this one among them */
	pid_t pgid = job != NULL ? job->pgid : 0;
	pid_t pid = subshell_fork(sh);

	if (pid < 0)
		return 2;
	if (pid == 0) {
		/* BASH_SUBSHELL: bash does not count a pipeline stage that is a
		 * builtin, but does one that calls a function (exec_function) */
		if (mode != RUN_BG && mode != RUN_COPROC && n->kind == AST_SIMPLE) {
			sh->subshell_level--;
			sh->level_pending = true;
		} else if (n->kind == AST_SUBSHELL) {
			sh->subshell_level--;	/* one subshell (bash), two forks */
		}
		if (sh->opt_monitor_saved && job != NULL)
			job_child_enter(sh, pgid, mode == RUN_FG || mode == RUN_PIPE);
		if (mode == RUN_BG && !sh->opt_monitor_saved) {
			trap_entry_record(SIGINT);
			trap_entry_record(SIGQUIT);
			signal(SIGINT, SIG_IGN);
			signal(SIGQUIT, SIG_IGN);
			if (in < 0) {	/* before n's redirections: plan.c */
				int fd = open("/dev/null", O_RDONLY);
				if (fd >= 0 && fd != 0) {
					dup2(fd, 0);
					close(fd);
				}
			}
		}
		if (in >= 0 && in != 0) {
			dup2(in, 0);
			close(in);
		}
		if (out >= 0 && out != 1) {
			dup2(out, 1);
			close(out);
		}
		if (p != NULL)
			subshell_exit(sh, simple_run_prepared(sh, p));
		sh->subshell_bare = mode == RUN_BG && n->kind == AST_SUBSHELL;
		sh->tail = true;
		exec_node(sh, n);
		subshell_exit(sh, sh->status);
	}
	job_add_proc(sh, job, pid);
	if (job_control(sh))
		setpgid(pid, job->pgid != 0 ? job->pgid : pid);
	return 0;
}

/* Starts one asynchronous command or coproc. Simple commands whose
 * expansion has no side effects are expanded here; if they name an
 * external command it is spawned, never forked. */
int
pipeline_start(struct shell *sh, struct ast_node *n, int in, int out, struct job *job,
    enum run_mode mode)
{
	struct prep p;
	int st;

	if (n->kind == AST_SIMPLE && simple_is_pure((struct ast_simple *)n)) {
		struct ast_simple *c = (struct ast_simple *)n;
		sh->lineno = n->lineno;
		if (simple_prepare(sh, c, &p) != 0) {
			/* The error (already reported) ends the subshell that
			 * would have run the command: record its status. */
			simple_prep_free(&p);
			job_add_proc(sh, job, 0);
			job_set_done(sh, job, job->nproc - 1, subshell_error_status(sh));
			return 0;
		}
		if (p.kind == P_EXTERNAL) {
			simple_xtrace(sh, &p);
			st = plan_spawn(sh, &p, in, out, job, mode);
			simple_prep_free(&p);
			if (st != 0) {
				/* keep the pipeline's shape: a failed stage */
				return st;
			}
			return 0;
		}
		st = fork_stage(sh, n, &p, in, out, job, mode);
		simple_prep_free(&p);
		return st;
	}
	return fork_stage(sh, n, NULL, in, out, job, mode);
}

/* A pipeline stage (XCU 2.9.2). */
struct stage {
	struct prep p;
	bool prepared;		/* expanded here: side-effect free */
	bool inproc;		/* a builtin run in the shell itself */
	bool tried;		/* prepare_stage() ran */
	bool failed;		/* its expansion failed (reported) */
	int out;		/* inproc: the pipe it writes to, or -1 */
	size_t procidx;
};


/* Builtins whose output does not depend on being in a subshell (echo,
 * printf, test, ...) run in the shell when every other stage is already
 * running and what they write goes to an external command or to our own
 * stdout: `echo $x | grep y` starts one process, not two. They never read
 * their input, so the pipes into them are closed before any of them runs:
 * a writer gets EPIPE instead of waiting forever. */
static bool
stage_inproc(struct stage *st, size_t i, size_t n)
{
	if (!st[i].prepared || st[i].p.kind != P_REGULAR || !cmdsub_capture_safe(st[i].p.bi) ||
	    st[i].p.c->base.redirs != NULL || st[i].p.c->assigns != NULL)
		return false;
	return i + 1 == n || (st[i + 1].prepared && st[i + 1].p.kind == P_EXTERNAL);
}

static void
run_inproc_stages(struct shell *sh, struct stage *st, size_t n, struct job *job)
{
	struct sigaction ign, old;
	size_t i;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	for (i = 0; i < n; i++) {
		int saved = -1, status;
		if (!st[i].inproc)
			continue;
		fflush(stdout);
		if (st[i].out >= 0) {
			subshell_fork_keep(sh, st[i].out);
			read_sync_fd(1);
			saved = fcntl(1, F_DUPFD_CLOEXEC, 64);
			dup2(st[i].out, 1);
			close(st[i].out);
		}
		simple_xtrace(sh, &st[i].p);
		sh->in_pipe_stage = st[i].out >= 0;
		status = st[i].p.bi->fn(sh, st[i].p.argc, st[i].p.argv);
		fflush(stdout);
		clearerr(stdout);
		sh->in_pipe_stage = false;
		if (st[i].out >= 0) {
			read_sync_fd(1);
			if (saved >= 0) {
				dup2(saved, 1);
				close(saved);
			} else {
				close(1);
			}
		}
		job_set_done(sh, job, st[i].procidx, status);
	}
	sigaction(SIGPIPE, &old, NULL);
}

/* lastpipe: runs the last stage in the shell with `in` (closed here) as
 * its stdin, then gives the shell its stdin back. */
static int
run_last_stage(struct shell *sh, struct ast_node *n, int in)
{
	int saved, st;

	read_sync_fd(0);
	saved = fcntl(0, F_DUPFD_CLOEXEC, 10);
	if (in >= 0) {
		dup2(in, 0);
		close(in);
	} else {
		close(0);
	}
	st = exec_node(sh, n);
	read_sync_fd(0);
	if (saved >= 0) {
		dup2(saved, 0);
		close(saved);
	} else {
		close(0);
	}
	return st;
}

/* Whether a simple command's words or redirections have a <(...) or >(...). */
static bool
has_procsub(struct ast_node *n)
{
	struct ast_simple *c = (struct ast_simple *)n;

	if (n->kind != AST_SIMPLE)
		return false;
	for (struct word *w = c->words; w != NULL; w = w->next)
		if (simple_parts_have_cmdsub(w->parts))
			return true;
	for (struct redir *r = n->redirs; r != NULL; r = r->next)
		if (r->target != NULL && simple_parts_have_cmdsub(r->target->parts))
			return true;
	return false;
}

/* `in`/`out`: the stage's stdin and stdout (-1: the shell's), which a
 * <(...) or >(...) of its words gets as its other end. */
static void
prepare_stage(struct shell *sh, struct ast_pipeline *pl, struct stage *st, size_t i,
    int in, int out)
{
	struct ast_node *c = pl->cmds[i];

	if (st[i].tried)
		return;
	st[i].tried = true;
	/* A $(...) of a stage after the first reads that stage's stdin (the
	 * pipe), so it is expanded in the stage's own process (`echo x |
	 * echo "$(cat)"`). A <(...) or >(...) is started here with the
	 * stage's fds (`a | tee >(b) | c` spawns b, tee and c). */
	if (c->kind == AST_SIMPLE && simple_is_pure((struct ast_simple *)c) &&
	    !(i > 0 && simple_has_cmdsub((struct ast_simple *)c))) {
		sh->lineno = c->lineno;
		sh->procsub_stage = true;
		sh->procsub_io[0] = in;
		sh->procsub_io[1] = out;
		st[i].prepared = simple_prepare(sh, (struct ast_simple *)c, &st[i].p) == 0;
		sh->procsub_stage = false;
		if (!st[i].prepared) {
			simple_prep_free(&st[i].p);
			st[i].failed = true;
		}
	}
}

int
pipeline_run(struct shell *sh, struct ast_pipeline *pl, enum run_mode mode)
{
	struct job *job;
	int prev = -1, fds[2], st = 0;
	size_t i, n = pl->n;
	struct arena_mark m = arena_mark(&sh->eval);
	struct stage *stages;
	bool any_inproc = false;
	/* shopt -s lastpipe without job control (bash): the last stage runs
	 * in the shell, reading the pipe on its stdin */
	bool lastpipe = mode == RUN_FG && sh->shopt.lastpipe && !sh->opt.monitor;
	int lp_in = -1;
	size_t lp_idx = 0;

	if (n == 1 && mode == RUN_FG) {
		struct ast_node *bang_node = sh->bang_node;
		if (pl->bang) {
			/* with set -e on, bash runs no ERR trap inside either */
			sh->errexit_suppressed++;
			sh->errexit_bang += !sh->opt.errexit;
			sh->bang_node = pl->cmds[0];
		}
		st = exec_node(sh, pl->cmds[0]);
		if (pl->bang) {
			sh->errexit_suppressed--;
			sh->errexit_bang -= !sh->opt.errexit;
			sh->bang_node = bang_node;
			st = sh->status = !st;
		}
		return st;
	}
	struct procsub *pl_mark = sh->procsubs;
	job = job_new(sh, NULL, mode == RUN_BG);
	job->cmd = pipeline_command_text(sh, &pl->base, mode == RUN_BG);
	/* Each side-effect free simple command is expanded (and looked up)
	 * here, in order, just before its stage starts: that decides whether
	 * it is spawned, forked, or run in the shell. */
	stages = arena_alloc(&sh->eval, n * sizeof *stages);
	for (i = 0; i < n; i++)
		stages[i].out = -1;
	for (i = 0; i < n; i++) {
		int out = -1;
		if (i + 1 < n) {
			if (pipe2(fds, O_CLOEXEC) != 0) {
				diag_errno(sh, "pipe");
				st = 2;
				break;
			}
			fds[0] = redir_private_fd(fds[0]);	/* out of 0-9 */
			fds[1] = redir_private_fd(fds[1]);
			out = fds[1];
		}
		/* fds[0] is the next stage's: no child of this one keeps it;
		 * prev is this stage's own input from here on */
		subshell_fork_keep(sh, prev);
		if (i + 1 < n)
			subshell_fork_close(sh, fds[0]);
		if (pl->cmds[i]->kind == AST_SIMPLE) {
			/* BASH_COMMAND and the DEBUG trap of each stage, here */
			if (TRAP_DEBUG_SET(sh)) {
				sh->lineno = pl->cmds[i]->lineno;
				trap_run_debug(sh, pl->cmds[i], NULL);
			} else if (!sh->in_trap && !sh->xtrap_running) {
				callstack_set_command(sh, pl->cmds[i]);
			}
		}
		if (lastpipe && i + 1 == n) {
			lp_in = prev;
			prev = -1;
			lp_idx = job->nproc;
			job_add_proc(sh, job, 0);
			break;
		}
		struct procsub *ps_mark = sh->procsubs;
		prepare_stage(sh, pl, stages, i, prev, out);
		if (mode == RUN_FG && stages[i].prepared && stages[i].p.kind == P_REGULAR &&
		    cmdsub_capture_safe(stages[i].p.bi)) {
			/* (not a next stage with a <(...): its pipes do not
			 * exist yet) */
			if (i + 1 < n && !has_procsub(pl->cmds[i + 1]))
				prepare_stage(sh, pl, stages, i + 1, -1, -1);
			any_inproc |= stages[i].inproc = stage_inproc(stages, i, n);
		}
		if (stages[i].inproc) {
			stages[i].procidx = job->nproc;
			stages[i].out = out;
			subshell_fork_close(sh, out);	/* no later child keeps it */
			job_add_proc(sh, job, 0);
			out = -1;	/* kept for the stage */
		} else if (stages[i].failed) {
			job_add_proc(sh, job, 0);
			job_set_done(sh, job, job->nproc - 1, subshell_error_status(sh));
		} else if (stages[i].prepared && stages[i].p.kind == P_EXTERNAL) {
			simple_xtrace(sh, &stages[i].p);
			int rs = plan_spawn(sh, &stages[i].p, prev, out, job, mode);
			if (rs != 0) {
				/* reported already: a redirection error (1), or no
				 * process could be made (clone: EAGAIN: 126 as in
				 * bash, not 127 "not found", issue 17.12) */
				stages[i].procidx = job->nproc;
				job_add_proc(sh, job, 0);
				job_set_done(sh, job, stages[i].procidx, rs);
			}
		} else {
			fork_stage(sh, pl->cmds[i], stages[i].prepared ? &stages[i].p : NULL,
			    prev, out, job, mode);
		}
		/* an in-shell stage keeps them until it has run */
		if (sh->procsubs != ps_mark)
			procsub_release(sh, ps_mark, stages[i].inproc);
		if (prev >= 0)
			close(prev);
		if (out >= 0)
			close(out);
		prev = i + 1 < n ? fds[0] : -1;
	}
	if (prev >= 0) {
		subshell_fork_keep(sh, prev);
		close(prev);
	}
	if (any_inproc)
		run_inproc_stages(sh, stages, n, job);
	if (lastpipe && job->nproc == n)
		job_set_done(sh, job, lp_idx, run_last_stage(sh, pl->cmds[n - 1], lp_in));
	else if (lp_in >= 0)
		close(lp_in);
	if (mode == RUN_FG && sh->procsubs != pl_mark)
		procsub_release(sh, pl_mark, false);
	for (i = 0; i < n; i++)
		if (stages[i].prepared)
			simple_prep_free(&stages[i].p);
	arena_release(&sh->eval, m);
	if (mode == RUN_BG) {
		if (job->nproc > 0) {
			sh->last_bg = job->procs[job->nproc - 1].pid;
			if (sh->opt.interactive && sh->opt.monitor)
				fprintf(stderr, "[%d] %ld\n", job->id, (long)sh->last_bg);
		}
		return 0;
	}
	if (job->nproc == 0) {
		job_free(sh, job);
		st = st ? st : 1;
	} else {
		st = job_wait_fg(sh, job);
	}
	if (pl->bang)
		st = !st;
	sh->status = st;
	if (!pl->bang)
		exec_check_errexit(sh);
	return st;
}

int
pipeline_async(struct shell *sh, struct ast_node *n)
{
	struct job *job;
	struct arena_mark m = arena_mark(&sh->eval);

	struct procsub *ps_mark = sh->procsubs;

	if (n->kind == AST_PIPELINE && ((struct ast_pipeline *)n)->n > 1) {
		int st = pipeline_run(sh, (struct ast_pipeline *)n, RUN_BG);
		procsub_detach(sh, ps_mark);
		return st;
	}
	if (n->kind == AST_SIMPLE && simple_is_jobspec((struct ast_simple *)n)) {
		/* `%1 &` is `bg %1`, run here (bash) */
		sh->jobspec_bg = true;
		int st = simple_run(sh, (struct ast_simple *)n, false);
		sh->jobspec_bg = false;
		return st;
	}
	if (TRAP_DEBUG_SET(sh) && n->kind == AST_SIMPLE) {
		sh->lineno = n->lineno;
		trap_run_debug(sh, n, NULL);
	}
	job = job_new(sh, NULL, true);
	job->cmd = pipeline_command_text(sh, n, true);
	pipeline_start(sh, n, -1, -1, job, RUN_BG);
	/* a <(...) of the command is not waited for: the shell goes on */
	procsub_detach(sh, ps_mark);
	arena_release(&sh->eval, m);
	if (job->nproc > 0) {
		sh->last_bg = job->procs[job->nproc - 1].pid;
		if (sh->opt.interactive && sh->opt.monitor) {
			fprintf(stderr, "[%d] %ld\n", job->id, (long)sh->last_bg);
		}
	} else {
		job_free(sh, job);
	}
	sh->status = 0;
	return 0;
}
