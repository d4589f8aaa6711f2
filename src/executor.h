/* executor.h: the executor's internal interface, shared by the files that
 * run the tree (XCU 2.9):
 *
 *	exec.c      dispatch over the tree, and-or lists, compound commands,
 *	            the input loop
 *	simple.c    simple commands (XCU 2.9.1): expansion, lookup,
 *	            assignments, builtins, xtrace
 *	function.c  function definitions and calls (XCU 2.9.5)
 *	plan.c      the spawn plan of an external command, and exec in place
 *	pipeline.c  pipelines (XCU 2.9.2), in-shell stages, asynchronous lists
 *	subshell.c  ( list ) and the only fork() of the shell
 *	cmdsub.c    command substitution (XCU 2.6.3) and its strategies
 *	cond.c      [[ ]] and (( )) (bash, ksh)
 *	select.c    for (( )), select, time (bash, ksh)
 *
 * Builtins that run commands use exec.h; everything else uses shell.h. */
#ifndef EXECUTOR_H
#define EXECUTOR_H
#include <stdbool.h>
#include <sys/types.h>

#include "exec.h"
#include "shell.h"

struct job;
struct parse_unit;

enum run_mode {
	RUN_FG,		/* wait for it */
	RUN_BG,		/* asynchronous list: don't wait */
	RUN_PIPE,	/* a pipeline stage: the pipeline waits */
	RUN_COPROC,	/* a coproc: asynchronous, but SIGINT and SIGQUIT stay
			 * as they are (bash) and stdin is its pipe */
};

/* A simple command after expansion (XCU 2.9.1.1 steps 1-2 and lookup). */
struct prep {
	struct ast_simple *c;
	int argc;
	char **argv;
	char **avals;		/* expanded assignment values */
	enum { P_NONE, P_SPECIAL, P_FUNC, P_REGULAR, P_EXTERNAL, P_NOTFOUND } kind;
	const struct builtin *bi;
	struct function *fn;
	char *path;		/* heap */
	/* `(cd DIR && cmd)` as one plan: the directory (heap) and the name
	 * for a chdir error ("cd: DIR"), or NULL */
	char *chdir_to;
	const char *chdir_name;
	/* `exec [-cl] [-a name] cmd` run as cmd (plan_exec_prep): the
	 * command's name for messages when argv[0] is another, and -c */
	const char *cmdname;
	bool empty_env;
};

/* Temporary assignments for regular builtins and functions. */
struct saved_var {
	char *name;
	char *value;
	unsigned flags;
	bool existed;
};

/* ---- exec.c ---- */
/* XCU 2.8.1: errors that exit a non-interactive shell. */
void exec_fatal_error(struct shell *sh, int status);
/* A special builtin's error: exec_fatal_error in posix mode only (bash). */
void exec_special_error(struct shell *sh, int status);
/* An expansion failed (sh->expand_err): exits a non-interactive shell,
 * abandons the command line of an interactive one. */
void exec_expand_error(struct shell *sh);
void exec_assign_error(struct shell *sh);
/* After a loop body (for, while, until, select, for (( ))): consumes one
 * level of break/continue. True when the loop must stop. */
bool exec_loop_flow(struct shell *sh);
/* set -e: exits when the last command failed outside a condition; the
 * ERR trap runs first. Inline: it is after every command. */
void exec_errexit_failed(struct shell *sh);
static inline void
exec_check_errexit(struct shell *sh)
{
	if (sh->status != 0)
		exec_errexit_failed(sh);
}

/* ---- simple.c ---- */
/* Arithmetic or ${x=} in a word would change the shell: such a word must
 * be expanded in the subshell that runs a pipeline stage, not here. */
bool simple_word_has_side_effects(struct word *w);
/* True if the parts contain a command substitution (also inside "..." and
 * the operands of ${...}). */
bool simple_parts_have_cmdsub(struct wpart *p);
/* A simple command whose words have no side effects (see above). */
bool simple_is_pure(struct ast_simple *c);
/* Whether a word, assignment or redirection of `c` has a $(...) (a <(...)
 * or >(...) does not count: pipeline.c gives it the stage's fds). */
bool simple_has_cmdsub(struct ast_simple *c);
/* set -x: prints PS4 and the expanded command. */
void simple_xtrace(struct shell *sh, struct prep *p);
/* Makes the command's assignments for the time it runs (regular builtins
 * and functions), saving what they hide in *out. Returns 0, or -1 after a
 * diagnostic (a read-only variable), everything already restored. */
int simple_assign_temp(struct shell *sh, struct prep *p, struct saved_var **out, int *n);
void simple_assign_restore(struct shell *sh, struct saved_var *sv, int n);
/* unset of `name` while it holds a v=x prefix of a running function or
 * builtin (bash, not posix mode): the value it hid comes back at once and
 * stays after the command. False if `name` holds no such prefix. */
bool simple_tempenv_unset(struct shell *sh, const char *name);
/* The value of a PATH=... before the command (the last one), or NULL:
 * the PATH its name is looked up in. */
const char *simple_prefix_path(const struct prep *p);
/* Expands and looks up a simple command. Returns 0, or -1 after an
 * expansion error (sh->expand_err says how bad). */
int simple_prepare(struct shell *sh, struct ast_simple *c, struct prep *p);
void simple_prep_free(struct prep *p);
/* Runs an already-prepared builtin in the shell with its redirections. */
int simple_run_builtin(struct shell *sh, struct prep *p);
/* False, after the message, if an assignment before an external command
 * names a read-only variable (XCU 2.8.1: a variable assignment error). */
bool simple_assigns_writable(struct shell *sh, struct prep *p);
/* notfound.c: the command's words become the operands of builtin `bi`
 * (after `opt` unless NULL): `%1` is `fg %1`. */
void simple_prepend_builtin(struct shell *sh, struct prep *p, const char *bi, const char *opt);
/* shopt -s autocd (bash): at the prompt, a command that is not found and
 * names a directory is `cd -- NAME`, shown on stderr as bash shows it. */
bool simple_autocd(struct shell *sh, struct prep *p, bool nofunc);
/* No command of that name: bash's command_not_found_handle in a child,
 * else the message; 127. */
int simple_not_found(struct shell *sh, struct prep *p);
/* Runs a prepared simple command in the foreground. */
int simple_run_prepared(struct shell *sh, struct prep *p);
/* `%1 &`: a job id written as the command name, no assignment before it
 * (bash: runs `bg %1` in the shell instead of starting a job). */
bool simple_is_jobspec(struct ast_simple *c);
/* Runs a simple command; `tail`: the last command of a subshell or -c,
 * which may replace the shell. */
int simple_run(struct shell *sh, struct ast_simple *c, bool tail);

/* ---- function.c ---- */
/* Drops a reference to a parse unit that a function body lives in. */
void function_unit_unref(struct parse_unit *u);
/* Calls a prepared function with its temporary assignments. */
int function_run(struct shell *sh, struct prep *p);

/* ---- plan.c ---- */
/* Spawns an external command from a plan. in/out: pipe fds for a
 * pipeline stage (-1: inherit). Adds the child to `job`. Returns 0, or
 * the status of a launch failure. */
int plan_spawn(struct shell *sh, struct prep *p, int in, int out, struct job *job,
    enum run_mode mode);
/* The last command of a forked subshell, or of `spsh -c '...'`, may
 * replace the shell (as `exec` would) when nothing is left to do after it:
 * no trap to run, not even an EXIT trap. One process fewer. */
bool plan_can_exec_in_place(struct shell *sh);
/* Replaces the shell with the prepared external command. */
int plan_exec_in_place(struct shell *sh, struct prep *p);
/* A prepared `exec [-cl] [-a name] cmd args` that a subshell would run as
 * its last command becomes the external command cmd itself (P_EXTERNAL),
 * for a spawn plan instead of a fork. False, with `p` as it was, where
 * exec must run in the subshell (no command, a bad option, not found, or
 * set -x, which traces the exec command). */
bool plan_exec_prep(struct shell *sh, struct prep *p);

/* ---- pipeline.c ---- */
/* The text of a job for `jobs` and notices: always for background jobs,
 * for foreground ones only where they can be stopped (job control). */
char *pipeline_command_text(struct shell *sh, struct ast_node *n, bool bg);
int pipeline_run(struct shell *sh, struct ast_pipeline *pl, enum run_mode mode);
/* An asynchronous list (XCU 2.9.3.1): `n &`. */
int pipeline_async(struct shell *sh, struct ast_node *n);
/* Starts `n` with stdin/stdout from in/out (-1: inherited) without
 * waiting: an external simple command from a plan, anything else forked.
 * Adds the process to `job`. */
int pipeline_start(struct shell *sh, struct ast_node *n, int in, int out, struct job *job,
    enum run_mode mode);

/* ---- coproc.c ---- */
struct ast_coproc;
int coproc_run(struct shell *sh, struct ast_coproc *n);

/* ---- subshell.c ---- */
/* The status a subshell exits with after an expansion error. */
int subshell_error_status(struct shell *sh);

/* ( list ) (XCU 2.9.4.1); `tail`: the last command of a forked subshell
 * (sh->tail), which then runs the list itself. */
int subshell_run(struct shell *sh, struct ast_group *g, bool tail);
/* In a forked child of $( ) or <( ): runs the prepared simple command, or
 * else `body` as the child's last command, and exits with its status. */
_Noreturn void subshell_run_body(struct shell *sh, bool prepared, struct prep *p,
    struct ast_node *body);

/* ---- cmdsub.c ---- */
/* Builtins whose output in $(...) is the same whether or not they run in a
 * subshell: they run here with stdout captured in a memfd. */
bool cmdsub_capture_safe(const struct builtin *b);

/* ---- cond.c ---- */
int cond_run(struct shell *sh, struct ast_cond *n);
int cond_arith_run(struct shell *sh, struct ast_arith *n);
/* The value of an arithmetic word (NULL or blank: 0), traced under set -x
 * (`trim`: without the blanks around it). Returns 0, -1 after an
 * arithmetic error, -2 after an expansion error. Eval arena. */
int cond_arith_value(struct shell *sh, struct word *w, long *v, bool trim);
/* arith_eval with WHO ("let", "((", "[[") named in its messages (bash). */
int cond_arith_eval(struct shell *sh, const char *who, const char *expr, long *v);

/* ---- select.c ---- */
int select_arith_for(struct shell *sh, struct ast_arith_for *f);
int select_run(struct shell *sh, struct ast_for *f);
int select_time_run(struct shell *sh, struct ast_pipeline *pl);

#endif
