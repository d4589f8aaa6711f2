/* shell.h: struct shell, the one object that holds a shell's state, and the
 * interfaces the modules share. Each module's functions carry its prefix:
 * var_ (var.c), diag_ (diag.c), exec_ (exec.c), expand_ (expand.c),
 * job_ (job.c), trap_ (trap.c), alias_ (alias.c), opt_ (option.c),
 * builtin_ (builtins/table.c), bi_NAME (builtins/NAME.c). */
#ifndef SHELL_H
#define SHELL_H
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>

#include "../lib/arena.h"
#include "../lib/strbuf.h"
#include "ast.h"

#define SPSH_VERSION "0.1"

struct shell;
struct input;
struct parser;

/* ---- options (set -o NAME / set -X) ---- */
struct options {
	bool allexport;		/* -a */
	bool notify;		/* -b */
	bool noclobber;		/* -C */
	bool errexit;		/* -e */
	bool noglob;		/* -f */
	bool hashall;		/* -h */
	bool monitor;		/* -m */
	bool noexec;		/* -n */
	bool nounset;		/* -u */
	bool verbose;		/* -v */
	bool xtrace;		/* -x */
	bool ignoreeof;
	bool nolog;
	bool pipefail;
	bool privileged;	/* -p: keep the effective ids of a setuid start */
	bool vi, emacs;
	/* extensions (bash's set -o names) */
	bool posix;		/* --posix, invoked as sh: extensions that change
				 * a conforming script's meaning are off */
	bool braceexpand;	/* -B: brace expansion (off in posix mode) */
	bool histexpand;	/* -H: ! history expansion (interactive default) */
	bool errtrace;		/* -E: ERR trap inherited by functions */
	bool functrace;		/* -T: DEBUG/RETURN traps inherited */
	bool history;		/* command history kept (interactive default) */
	bool interactive_comments; /* always on; accepted for bash scripts */
	bool interactive;	/* -i */
	bool login;		/* -l */
	bool stdin_cmds;	/* -s */
	bool cmd_string;	/* -c: commands from the operand */
};

/* bash's `shopt` options (src/shopt.c, builtin in builtins/shopt.c).
 * Each is a bool; the table in shopt.c gives names and defaults. */
struct shopts {
	bool checkwinsize, cmdhist, dotglob, expand_aliases, extglob,
	    failglob, globasciiranges, globstar, histappend, inherit_errexit,
	    lastpipe, lithist, login_shell, nocaseglob, nocasematch, nullglob,
	    patsub_replacement, promptvars, sourcepath, xpg_echo, extquote,
	    huponexit, histverify, histreedit, checkjobs, direxpand, cdspell,
	    progcomp, hostcomplete, interactive_comments, nullglob_unused,
	    cdable_vars, no_empty_cmd_completion, progcomp_alias, globskipdots,
	    shift_verbose, execfail, localvar_inherit,
	    /* accepted and listed, no effect in spsh (man page, shopt) */
	    autocd, assoc_expand_once, checkhash, compat31, compat32,
	    compat40, compat41, compat42, compat43, compat44,
	    complete_fullquote, dirspell, extdebug, force_fignore, gnu_errfmt,
	    localvar_unset, mailwarn, noexpand_translation, restricted_shell,
	    varredir_close;
};

/* ---- variables (var.c) ---- */
enum {
	VAR_EXPORT = 1 << 0,	/* -x */
	VAR_READONLY = 1 << 1,	/* -r */
	VAR_ARRAY = 1 << 2,	/* -a: indexed array (v->arr) */
	VAR_ASSOC = 1 << 3,	/* -A: associative array (v->arr) */
	VAR_INTEGER = 1 << 4,	/* -i: assignments are arithmetic */
	VAR_LOWER = 1 << 5,	/* -l */
	VAR_UPPER = 1 << 6,	/* -u */
	VAR_NAMEREF = 1 << 7,	/* -n: value is the name of another variable */
	VAR_TRACE = 1 << 8,	/* -t (functions only in bash; kept) */
	VAR_DYNAMIC = 1 << 9,	/* shell-set array rebuilt by its hook's
				 * `refresh` when looked up (FUNCNAME, ...) */
	VAR_TEMPENV = 1 << 10,	/* holds a v=x prefix of the running command
				 * (bash: a `local v` in it starts with x) */
	VAR_NOHOOK = 1 << 11,	/* a local of a hooked name (RANDOM, LINENO,
				 * SECONDS...): an ordinary variable, the
				 * hook back when the call returns (bash) */
};

struct array;

/* A variable. A scalar has `value` (NULL: declared but unset, as after
 * `export x`); an array (VAR_ARRAY or VAR_ASSOC) has `arr` and no value; a
 * nameref has the target's name in `value` (possibly "arr[sub]"). */
struct var {
	char *name;		/* heap */
	char *value;		/* heap; NULL if declared (export x) but unset */
	unsigned flags;
	struct var *next;	/* hash chain */
	struct var *shadow;	/* `local`: the outer variable this one hides */
	int scope;		/* function depth that created it (0 = global) */
	struct array *arr;	/* VAR_ARRAY / VAR_ASSOC (array.h) */
	unsigned long serial;	/* new whenever `value` changes (var.c): lets
				 * param.c cache character offsets */
};

/* A special variable's behaviour, registered by the module that owns it
 * (path.c: PATH, getopts.c: OPTIND, ...). `changed` runs after the
 * variable was assigned or unset (value NULL); `read`, if set, computes
 * the value on each read (into buf, or a static) and returns it, or NULL
 * to read the stored value. The hook is static data of its module. */
struct var_hook {
	const char *name;
	void (*changed)(struct shell *sh, const char *value);
	const char *(*read)(struct shell *sh, char *buf, size_t size);
	/* A shell-set array (FUNCNAME, PIPESTATUS): created VAR_DYNAMIC on
	 * its first lookup, and `refresh` brings its elements up to date at
	 * every lookup (cheaply: the owner keeps a generation). Unsetting it
	 * takes the special meaning away, as in bash. */
	void (*refresh)(struct shell *sh, struct var *v);
};
void var_hook_add(struct shell *sh, const struct var_hook *h);

/* Returns the value, or NULL if unset. Special parameters are not here.
 * Namerefs are followed; an array gives element 0 (key "0"). */
const char *var_get(struct shell *sh, const char *name);
/* The variable `name` refers to (namerefs followed), or NULL. */
struct var *var_lookup(struct shell *sh, const char *name);
/* The variable itself, a nameref not followed. */
struct var *var_lookup_raw(struct shell *sh, const char *name);
/* Sets name=value (value NULL: declare only) and ORs `flags` in. Returns 0,
 * or -1 after "spsh: NAME: is read only" when the variable is read-only.
 * An array gets element 0 set; -i/-l/-u attributes apply. */
int var_set(struct shell *sh, const char *name, const char *value, unsigned flags);
/* Makes the nameref `ref` (from var_lookup_raw) name `target`: for `for
 * ref in ...` and declare -n (bash). 0, or -1 after a diagnostic. */
int var_set_ref(struct shell *sh, struct var *ref, const char *target);
/* A temporary assignment (simple.c) keeps the value it hides without a
 * copy: var_take_value() hands v's value (heap, or NULL) to the caller,
 * var_put_value() gives one back (freeing the current one) and runs the
 * variable's hook. For scalars only (no array, nameref or dynamic). */
char *var_take_value(struct var *v);
/* x="$x..." in place (simple.c): var_appendable() is the variable when it
 * is a set scalar with no attribute, hook or nameref, else NULL; then
 * var_append() adds `suffix` to its value in the buffer it has, grown by
 * half again when full, instead of copying the whole value each round. */
struct var *var_appendable(struct shell *sh, const char *name);
void var_append(struct shell *sh, struct var *v, const char *suffix);
void var_put_value(struct shell *sh, struct var *v, char *value);
int var_unset(struct shell *sh, const char *name);	/* -1 if read-only */
int var_unset_raw(struct shell *sh, const char *name);	/* unset -n: a nameref itself */
/* `local NAME`: shadows NAME until the current function returns. */
int var_make_local(struct shell *sh, const char *name);
/* Restores what the calls at depth >= scope shadowed: O(their locals). */
void var_pop_scope(struct shell *sh, int scope);
/* NULL-terminated envp of exported variables, in arena `a`. Cached until a
 * variable with VAR_EXPORT changes. */
char **var_environ(struct shell *sh, struct arena *a);
/* Sorted array of all variables (malloc'd, NULL-terminated) for listings. */
struct var **var_sorted(struct shell *sh);
bool var_is_name(const char *s);		/* XCU 3.216 Name */
void var_readonly_error(struct shell *sh, const char *name);
size_t var_name_len(const char *s);		/* length of the leading Name */
void var_init(struct shell *sh, char **environ);
void var_env_changed(struct shell *sh);		/* drop the envp cache */

/* ---- exported functions (fnenv.c): BASH_FUNC_name%%=() body ---- */
struct function;
/* More entries for var_environ(), from a module above the variables
 * (sh->env_extra, set by fnenv.c once a function is exported): size()
 * returns their bytes and adds their number to *count; fill() writes them
 * as env[*k]... with their text from p and returns the end. */
struct env_extra {
	size_t (*size)(struct shell *sh, size_t *count);
	char *(*fill)(struct shell *sh, char **env, size_t *k, char *p);
};
/* export -f / export -fn: marks `fn` and drops the envp cache. */
void fnenv_set_export(struct shell *sh, struct function *fn, bool on);
/* Defines the functions that env exports (start-up, not in posix mode). */
void fnenv_import(struct shell *sh, char **env);
/* The arithmetic evaluator for -i variables (main.c passes arith_eval). */
void var_set_arith(int (*fn)(struct shell *, const char *, long *));
/* The expander of a nameref target's subscript (main.c passes
 * subscript_expand). */
void var_set_subscript(char *(*fn)(struct shell *, const char *));

/* Arrays. `v` comes from var_lookup/var_declare. Element functions check
 * read-only and apply -i/-l/-u; they return 0 or -1 after a diagnostic.
 * Indexed subscripts may be negative (from the end: -1 is the last). */
/* The variable `name`, created unset if missing (namerefs followed). */
struct var *var_declare(struct shell *sh, const char *name);
struct var *var_declare_raw(struct shell *sh, const char *name);	/* a nameref itself */
/* Makes `v` an indexed (assoc false) or associative array; a scalar value
 * becomes element 0. -1 after a diagnostic (read-only, or indexed <->
 * associative conversion, which bash refuses too). */
int var_make_array(struct shell *sh, struct var *v, bool assoc);
/* Empties the array (a=(...)), making `v` an array of its kind. */
int var_array_clear(struct shell *sh, struct var *v);
const char *var_elem_get(struct shell *sh, struct var *v, long idx, bool *bad);
const char *var_assoc_get(struct var *v, const char *key);
int var_elem_set(struct shell *sh, struct var *v, long idx, const char *val, bool append);
int var_assoc_set(struct shell *sh, struct var *v, const char *key, const char *val, bool append);
int var_elem_unset(struct shell *sh, struct var *v, long idx);
int var_assoc_unset(struct shell *sh, struct var *v, const char *key);
/* Appends to an indexed array at its highest index + 1 (a+=(x)). */
int var_elem_append(struct shell *sh, struct var *v, const char *val);
/* Set elements, in order: values (and, if keys != NULL, the subscripts as
 * text) in arena `a`; returns the count. A scalar counts as element 0. */
size_t var_elems(struct shell *sh, struct var *v, struct arena *a, char ***vals, char ***keys);
size_t var_count(struct var *v);		/* ${#a[@]} */
/* Applies v's -i/-l/-u to `val`; malloc'd result, or NULL after a
 * diagnostic (bad arithmetic). */
char *var_convert(struct shell *sh, struct var *v, const char *val, const char *old, bool append);

/* ---- functions (exec.c) ---- */
struct function {
	char *name;
	const char *source;		/* BASH_SOURCE: interned (callstack.c) */
	struct ast_node *body;		/* ast_funcdef body, lives in `unit` */
	struct parse_unit *unit;	/* keeps the parse arena alive */
	struct function *next;		/* sh->funcs: every function */
	struct function *hnext;		/* the same bucket of sh->fn_hash */
	bool exported;			/* export -f (fnenv.c) */
	bool readonly;			/* readonly -f, declare -fr (bash): no
					 * new body, no unset */
};
enum { FN_BUCKETS = 256 };

/* A parse arena that outlives its command because functions point into it. */
struct parse_unit {
	struct arena arena;
	int refs;
};

/* ---- control flow travels as state, never longjmp (see exec.c) ---- */
enum flow {
	FLOW_NONE,
	FLOW_BREAK,
	FLOW_CONTINUE,
	FLOW_RETURN,
	FLOW_EXIT,
	/* The rest of the command line is abandoned (an interactive shell:
	 * Ctrl-C, a foreground job killed by SIGINT, an expansion error; see
	 * exec_abort). Every command returns at once, loops end, functions,
	 * `.` files and eval return without catching it; the top level of
	 * exec_input (or whoever ran commands for the line editor: prompt
	 * commands, completion functions, bind -x) takes it back. */
	FLOW_ABORT,
};

struct job;
struct procsub;
struct coproc;

/* bash's pseudo-signal traps, kept in sh->traps after the signals so
 * listings come out in bash's order: EXIT, signals, DEBUG, ERR, RETURN. */
enum { TRAP_DEBUG = NSIG, TRAP_ERR, TRAP_RETURN, TRAP_COUNT };
/* sh->xtrap_running: which of them is running now (none re-enters) */
enum { XT_DEBUG = 1, XT_ERR = 2, XT_RETURN = 4 };

/* A frame of the call stack (callstack.c): a function call, a `.` file,
 * or the script itself ("main" at the bottom). FUNCNAME, BASH_SOURCE and
 * BASH_LINENO are these, top first. */
struct frame {
	const char *func;	/* the function's name (its call's argv, which
				 * outlives the call), "source" or "main" */
	const char *source;	/* file it was defined in: interned, never freed */
	int line;		/* line it was called from */
};

struct shell {
	struct options opt;
	struct shopts shopt;
	int status;			/* $? */
	pid_t pid;			/* $$ */
	pid_t ppid;			/* $PPID */
	pid_t last_bg;			/* $! (0: none yet) */
	char *arg0;			/* $0 */
	int argc;			/* $# */
	char **argv;			/* $1..., heap, NULL-terminated */
	char **argv_block;		/* the malloc'd block argv points into:
					 * shift moves argv, not the elements */

	struct var **vars;		/* hash table */
	size_t nvars_buckets;
	char **env_cache;		/* var_environ() result, heap; NULL when stale */
	const struct env_extra *env_extra;	/* exported functions (fnenv.c) */
	int scope;			/* function nesting depth for `local` */
	struct var **locals;		/* scope stack: the locals in creation order */
	size_t nlocals, locals_cap;

	struct function *funcs;
	/* the functions by name: every command name not a special builtin is
	 * looked up here first, whatever the number of functions */
	struct function *fn_hash[FN_BUCKETS];
	size_t fn_exported;		/* how many have `exported` (fnenv.c) */

	struct arena eval;		/* fields, argv, plans: marked per command */
	/* the v=x prefixes of the running functions and builtins, innermost
	 * first (simple.c; frames in the eval arena) */
	struct tempenv_frame *tempenv;

	/* control flow */
	enum flow flow;
	int flow_count;			/* break/continue levels left */
	int loop_depth;
	int func_depth;
	int dot_depth;			/* nested `.` files (return works there) */
	int eval_depth;			/* in eval (not in a `.` file it runs):
					 * syntax errors say "eval: line N" (bash) */
	int exit_status;		/* FLOW_EXIT: status to exit with */
	struct options *local_opts;	/* `local -` of the running function, heap */

	/* errexit: > 0 while running a condition (if/while/until, !, && ||) */
	int errexit_suppressed;
	/* how much of errexit_suppressed is `!`: bash turns set -e off for
	 * every command inside, the ERR trap only for the inverted command
	 * itself (bang_node); `! { false; true; }` runs it for false */
	int errexit_bang;
	struct ast_node *bang_node;

	/* where we are, for diagnostics and $LINENO */
	const char *script_name;	/* NULL for -c or interactive */
	int lineno;
	struct input *input;		/* current top-level input */
	struct parser *parser;

	/* process state */
	bool subshell;			/* this process is a forked subshell */
	bool force_fork;		/* SPSH_FORCE_FORK=1 or --force-fork */
	char *self_exe;			/* our own binary, for scripts without #! */
	pid_t pgid;			/* our process group (job control) */
	int tty_fd;			/* controlling terminal, -1 if none */
	struct job *jobs;
	struct job *parent_jobs;	/* a subshell: its parent's, for `jobs` */
	char *stack_base;		/* main's frame, and the room below it */
	size_t stack_room;		/* (shell_stack_limit, function.c) */

	/* traps: index 0 is EXIT, 1..NSIG-1 signals; heap strings or NULL */
	char **traps;
	bool in_trap;
	int trap_status;		/* $? when the running trap started */
	int trap_func_depth;		/* func_depth when it started */
	volatile int pending_signals;	/* set by the handler, drained by trap_run_pending */

	struct parse_unit *cur_unit;	/* arena of the command being run */
	int input_depth;		/* nested exec_input: eval, ., traps */
	bool in_pipe_stage;		/* a builtin runs as an in-shell pipeline
					 * stage: EPIPE is a silent 141 */
	bool jobspec_bg;		/* `%1 &`: a job id as command name is bg's */
	bool in_command_builtin;	/* `command` removes special-builtin rules */
	bool builtin_error;		/* a special builtin failed: exit if fatal */
	bool opt_monitor_saved;		/* subshell child: parent had job control */
	bool subshell_nested;
	/* A forked child whose whole job is the ( ) it runs next: the body
	 * of a ( ) that is only a ( ), or `( list ) &`. bash runs that ( )
	 * in the same process, traps and all, and checks no ERR for it
	 * there (subshell_run consumes the flag). */
	bool subshell_bare;
	/* BASH_SUBSHELL (special.c): forked subshells around this process.
	 * A pipeline stage that is a simple command leaves it pending: bash
	 * counts the stage only if the command is a function (level_pending) */
	int subshell_level;
	bool level_pending;
	bool of_interactive;		/* a subshell of an interactive shell */
	bool tail;			/* the next command is a forked subshell's last */
	bool dump_ast;			/* --dump-ast */
	bool warned_stopped;		/* "There are stopped jobs." was said */
	bool says_exit;			/* `exit` says "exit": the main loop
					 * reads commands at the prompt, or
					 * runs -c in an interactive shell
					 * (not a script or start-up file) */
	void (*exit_hook)(struct shell *sh);	/* history saving etc. */
	/* SIGHUP with no trap in an interactive shell: saves, hangs up
	 * the jobs and dies of SIGHUP (interactive.c); never returns */
	void (*hangup_hook)(struct shell *sh);
	/* a command read at the prompt is about to run (PS0) */
	void (*command_hook)(struct shell *sh);

	/* expansion results the executor needs */
	/* 1: an error (status 1 in posix mode), 2: one with status 2 in
	 * posix mode (a bad substitution), 3: fatal in
	 * every mode (${x?}, set -u), 4: an arithmetic error (as 2, but
	 * set -e does not exit on it outside posix mode: bash); see
	 * exec_expand_error */
	int expand_err;
	bool arith_unset;		/* arith_eval failed on set -u */
	const char *arith_who;		/* "let", "((", "[[": named in arithmetic
					 * errors (bash); NULL in an expansion */
	bool discard_line;		/* FLOW_ABORT stops at eval, . or a trap */
	int cmdsub_status;		/* status of the last $(...) */
	bool cmdsub_ran;		/* a $(...) ran in this command */
	bool lineno_auto;		/* LINENO not assigned by the user */

	/* counters of process creation, read by tests and `times`-like output */
	unsigned long n_spawn, n_fork;

	/* fds a forked subshell must not keep (subshell_fork closes them in
	 * the child): pipe ends that belong to other pipeline stages. Heap. */
	int *fork_close;
	size_t nfork_close, fork_close_cap;

	/* process substitutions of the commands running (procsub.c) */
	struct procsub *procsubs;
	/* the last <(...) waited for when its command ended, if it was $!:
	 * `wait $!` still gives its status (bash) */
	pid_t procsub_last_pid;
	int procsub_last_status;
	/* while a pipeline stage expands: its stdin and stdout, which a
	 * <(...) or >(...) in it gets as its other end */
	bool procsub_stage;
	int procsub_io[2];
	/* coprocesses started and not yet reported by `wait` (coproc.c) */
	struct coproc *coprocs;

	/* call stack and shell-set variables (callstack.c) */
	struct frame *frames;		/* heap, nframes used */
	size_t nframes, frames_cap;
	unsigned long frames_gen;	/* changes with every push and pop */
	int *pipestatus;		/* PIPESTATUS of the last pipeline (heap) */
	size_t npipestatus, pipestatus_cap;
	unsigned long pipestatus_gen;
	struct strbuf last_arg;		/* $_ */
	struct ast_node *cur_cmd;	/* BASH_COMMAND: the last simple command */
	struct parse_unit *cur_cmd_unit;	/* the unit cur_cmd lives in */
	unsigned xtrap_running;		/* XT_*: DEBUG, ERR, RETURN trap running */
};

/* ---- diagnostics (diag.c): the only place that prints errors ---- */
/* Appends "NAME: line N: " (bash), or "spsh: " [ "FILE: line N: " ] in
 * posix mode and interactive shells. */
void diag_prefix(struct shell *sh, struct strbuf *out);
/* The same without "line N: " outside posix mode (bash's sys_error). */
void diag_sys_prefix(struct shell *sh, struct strbuf *out);
/* The NAME of that prefix: the running file (BASH_SOURCE[0]), else $0. */
const char *diag_name(struct shell *sh);
/* "spsh: " [ "NAME: line N: " for scripts ] MSG "\n" on stderr */
void diag_error(struct shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* same, with ": strerror(errno)" appended */
void diag_errno(struct shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* the same without "line N: " outside posix mode (bash's sys_error) */
void diag_sys(struct shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "spsh: NAME: line N: syntax error: MSG" using the input's name */
void diag_syntax(struct shell *sh, const char *name, int lineno, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A command found nowhere in PATH, outside posix mode (bash). */
#define DIAG_NOT_FOUND "command not found"
/* Why NAME did not run: PATH the file tried (NULL: none), ERR execve's
 * errno; bash's words, dash's in posix mode. Returns 127 or 126. */
int diag_exec(struct shell *sh, const char *name, const char *path, int err);
/* A syntax error at line LINENO of NAME's input: POSIX after "syntax
 * error: " in posix mode (diag_syntax), else bash's "NAME: [-c: |eval: ]line
 * N: BASH", then "`TEXT'" when TEXT is given; "spsh: BASH" at the prompt. */
void diag_syntax_words(struct shell *sh, const char *name, int lineno, const char *posix,
    const char *bash, const char *text);
/* "spsh: NAME: usage: USAGE", returns 2 */
int diag_usage(struct shell *sh, const char *name, const char *usage);
void diag_getopts(struct shell *sh, const char *what, int c);

/* ---- builtins (builtins/table.c) ---- */
typedef int builtin_fn(struct shell *sh, int argc, char **argv);
enum builtin_class {
	BI_SPECIAL,	/* XCU 2.15: errors exit, assignments persist */
	BI_REGULAR,	/* XCU 1.7 intrinsic and other regular builtins */
};
struct builtin {
	const char *name;
	builtin_fn *fn;
	enum builtin_class cls;
};
/* The enabled builtin `name`, or NULL (also when `enable -n` disabled it). */
const struct builtin *builtin_find(const char *name);
/* The same, disabled or not (enable, help, pushd's cd). */
const struct builtin *builtin_find_any(const char *name);
bool builtin_enabled(const struct builtin *b);
void builtin_enable(const struct builtin *b, bool on);
extern const struct builtin builtin_table[];
extern const size_t builtin_count;

/* read's read-ahead of a regular file stays from one `read` to the next
 * (builtins/read.c), as ksh93 keeps its buffer: a `while read` loop over a
 * file then costs a read(2) a block, not three system calls a line. What
 * else uses the fd's offset gives the unread bytes back first (an lseek):
 * read_sync_fd(fd) before fd is redirected, closed or read by the shell,
 * read_sync() before a fork, a spawn, an exec and the shell's exit. */
void read_sync(void);
void read_sync_fd(int fd);
/* The same when fd, just opened for writing, is the file read ahead of. */
void read_sync_file(int fd);

/* Builtins write with stdio (stdout/stderr); the executor flushes after
 * each builtin, while its redirections are still in place. A builtin's
 * return value is its exit status. */

/* ---- executor (exec.c) ---- */
/* Runs a command tree; returns its exit status (also in sh->status). */
int exec_node(struct shell *sh, struct ast_node *n);
/* Parses and runs every command from `in` (eval, ., -c, scripts);
 * returns the last status. Stops at FLOW_EXIT. */
int exec_input(struct shell *sh, struct input *in);
/* Runs `body` with stdout to a pipe; appends the output to `out`. Sets
 * sh->status to the command's status. Returns 0, -1 on error. */
int exec_cmdsub(struct shell *sh, struct ast_node *body, struct strbuf *out);
struct function *exec_find_function(struct shell *sh, const char *name);
/* procsub.c: <(list) and >(list). procsub_start() starts `body` and
 * appends "/dev/fd/N" to `out` (0, or -1 after a diagnostic);
 * procsub_finish() closes the shell's ends of the substitutions started
 * after `mark` (a value of sh->procsubs) and waits for them. */
int procsub_start(struct shell *sh, struct ast_node *body, int dir, struct strbuf *out);
void procsub_finish(struct shell *sh, struct procsub *mark);
/* A pipeline stage has started with its copies of the ends started after
 * `mark`: the shell closes its own (the stage's process holds them as
 * bash's stage subshell would; later stages never see them, and a >(cat)
 * whose output goes down the pipeline sees EOF when the stage ends). The
 * processes are still waited for by procsub_finish. `keep`: a stage that
 * runs in the shell still needs them: they only become close-on-exec,
 * so that the later stages do not inherit them. */
void procsub_release(struct shell *sh, struct procsub *mark, bool keep);
/* For an asynchronous command: the shell's ends started after `mark` are
 * closed and their processes left running, not waited for (bash). */
void procsub_detach(struct shell *sh, struct procsub *mark);
/* net.c: /dev/tcp/HOST/PORT and /dev/udp/HOST/PORT (bash, not in posix
 * mode): a connected close-on-exec socket, -1 after the messages, or -2
 * when `path` is not such a name (an ordinary file then). */
int net_open(struct shell *sh, const char *path);
/* coproc.c: forgets the coprocs whose end `wait` reported (closes their
 * fds, unsets NAME and NAME_PID); in a forked child, closes them all. */
void coproc_reap(struct shell *sh);
void coproc_fork_child(struct shell *sh);
/* Abandons the rest of the command line of an interactive shell with
 * `status` (FLOW_ABORT), unless the shell is already exiting. */
void exec_abort(struct shell *sh, int status);
/* Exits the shell: runs the EXIT trap, flushes, _exit(status) in a
 * subshell or exit(status) otherwise. */
_Noreturn void shell_exit(struct shell *sh, int status);
/* PATH search: malloc'd full path of an executable, or NULL. */
char *exec_path_search(struct shell *sh, const char *name, const char *path);

/* ---- expansion (expand.c) ---- */
/* Expands the words of a command into fields (XCU 2.6 in full: tilde,
 * parameter, command substitution, arithmetic, field splitting, pathname
 * expansion, quote removal). Appends char * (eval arena) to a NULL-terminated
 * vector. Returns the number of fields, or -1 after a diagnostic. */
int expand_words(struct shell *sh, struct word *words, char ***out);
/* Like expand_words, for the elements of a=(...): no tilde expansion after
 * the = of an element that looks like name=value. */
int expand_words_elems(struct shell *sh, struct word *words, char ***out);
/* The same for export/readonly/local: their name=value arguments are
 * expanded as assignments (no splitting or globbing, tilde after = and :). */
int expand_words_decl(struct shell *sh, struct word *words, char ***out);
/* One word to one string: no field splitting or globbing (assignments,
 * redirection targets, case subject, here-doc bodies). In eval arena.
 * NULL after a diagnostic. */
char *expand_word_str(struct shell *sh, struct word *w);
/* A word used as a pattern (case, ${p#w}): quoted characters come out
 * backslash-escaped so pattern_match() treats them literally. */
char *expand_word_pattern(struct shell *sh, struct word *w);
/* The replacement of ${p/x/r} under patsub_replacement: quoted & and \
 * come back as \& and \\ (param.c gives the others their meaning). */
char *expand_word_repl(struct shell *sh, struct word *w);
/* The right side of [[ s =~ ERE ]]: quoted characters that are special in
 * an ERE come out backslash-escaped, so they match literally (bash). */
char *expand_word_regex(struct shell *sh, struct word *w);
/* An assignment value: like expand_word_str, with tilde expansion after
 * every unquoted ':' too (XCU 2.6.1). */
char *expand_assign_value(struct shell *sh, struct word *w);
/* Text expanded like an unquoted here-document body (prompts, PS4, ENV);
 * malloc'd, NULL if it does not parse. $? is unchanged. */
char *expand_string(struct shell *sh, const char *text);
/* A here-document body, expanded unless its delimiter was quoted. */
char *expand_heredoc(struct shell *sh, struct heredoc *h);

/* ---- options (option.c) ---- */
/* $-: the letters of the options that are on, formatted into buf. */
const char *opt_letters(struct shell *sh, char *buf, size_t size);
/* SHELLOPTS: the names of the options that are on, a:b:c (static). */
const char *opt_shellopts(struct shell *sh);
/* Sets option by letter or -o name; returns 0, or -1 if unknown. */
int opt_set_letter(struct shell *sh, int c, bool on);
int opt_set_name(struct shell *sh, const char *name, bool on);
/* The state of the `set -o` option `name`: 0, or -1 if unknown. */
int opt_get_name(struct shell *sh, const char *name, bool *on);
/* The name of the i-th `set -o` option (sorted), NULL past the end. */
const char *opt_name_at(size_t i);
/* `set -o` / `set +o` listings. */
void opt_print(struct shell *sh, bool reusable);
/* The job module's hook for `set -m` / `set +m` (option.c calls nothing
 * above itself). */
void opt_on_monitor(void (*fn)(struct shell *sh));
/* Posix mode on or off (--posix, set -o posix, invoked as sh): also sets
 * the defaults that depend on it (braceexpand, xpg_echo). */
void opt_set_posix(struct shell *sh, bool on);
void opt_drop_privileges(void);

/* shopt.c: bash's shell options by name. shopt_find returns the flag, or
 * NULL for an unknown name; shopt_init sets the defaults. */
bool *shopt_find(struct shell *sh, const char *name, bool *readonly);
void shopt_init(struct shell *sh);
/* Calls fn for each option in name order. */
void shopt_each(struct shell *sh, void (*fn)(void *ctx, const char *name, bool on), void *ctx);

/* ---- special.c: RANDOM, SECONDS, BASHPID, UID, SHLVL, SPSH_VERSION ... ---- */
void special_init(struct shell *sh, const char *version);
/* The attributes `declare -p` shows for a variable whose value a hook
 * makes (RANDOM: "-i", UID: "-ir", SHELLOPTS: "-r"; else "--"), as bash. */
const char *special_attrs(const char *name);

/* ---- brace expansion (brace.c) ---- */
/* True if `w` has an unquoted `{`, so that brace_expand() may change it. */
bool brace_candidate(const struct word *w);
/* The words `w` expands to (eval arena, chained by next; NULL when all
 * are empty): a{b,c}, {1..3}, {a..c} (bash). */
struct word *brace_expand(struct shell *sh, const struct word *w);

/* ---- patterns (pattern.c) ---- */
/* XCU 2.14 pattern matching (fnmatch without FNM_PATHNAME): `\c` is a
 * literal c. Returns true if the whole of `s` matches. */
bool pattern_match(const char *pat, const char *s);
/* The same with bash's options: PAT_EXTGLOB `@( ) *( ) +( ) ?( ) !( )`,
 * PAT_NOCASE (nocasematch, nocaseglob). */
enum { PAT_EXTGLOB = 1, PAT_NOCASE = 2, PAT_DOTGLOB = 4, PAT_GLOBSTAR = 8,
	PAT_DOTS = 16 /* shopt -u globskipdots: .* matches . and .. */ };
bool pattern_match_flags(const char *pat, const char *s, unsigned flags);
/* The extglob option the flag-less calls follow (set by shopt_init). */
extern const bool *pattern_extglob;
long pattern_prefix_flags(const char *pat, const char *s, bool longest, unsigned flags);
long pattern_suffix_flags(const char *pat, const char *s, bool longest, unsigned flags);
/* pattern_glob with PAT_EXTGLOB, PAT_NOCASE, PAT_DOTGLOB, PAT_GLOBSTAR. */
size_t pattern_glob_flags(const char *pat, unsigned flags, char ***out, size_t *n, size_t *cap);
/* Pathname expansion with the shell's options: extglob, nocaseglob,
 * dotglob, globstar, and GLOBIGNORE (matches of its patterns are dropped;
 * when it is set, dot files are included but never . and ..). */
size_t pattern_glob_shell(struct shell *sh, const char *pat, char ***out, size_t *n, size_t *cap);
/* Longest/shortest prefix/suffix match for ${p#w} etc.: returns the length
 * of the matched prefix, or the offset where the matched suffix starts,
 * or -1 if none. */
long pattern_prefix(const char *pat, const char *s, bool longest);
long pattern_suffix(const char *pat, const char *s, bool longest);
long pattern_prefix_n(const char *pat, const char *s, size_t n, bool longest);
/* True if `pat` has an unescaped * ? or [. */
bool pattern_has_magic(const char *pat);
/* ... or, with PAT_EXTGLOB, an extglob group. */
bool pattern_has_magic_flags(const char *pat, unsigned flags);
/* Pathname expansion (XCU 2.14.3) of one pattern: appends the sorted matches
 * (malloc'd strings) to *out / *n / *cap and returns how many were added
 * (0: no match; the caller keeps the word). */
size_t pattern_glob(const char *pat, char ***out, size_t *n, size_t *cap);

/* ---- arithmetic (arith.c) ---- */
/* Evaluates an XCU 2.6.4 arithmetic expression (already parameter-expanded
 * text) with signed long arithmetic; variables are read and assigned through
 * var_get()/var_set(). Returns 0 with *result, or -1 after a diagnostic
 * ("spsh: arithmetic: division by zero", "...: syntax error: '...'"). */
int arith_eval(struct shell *sh, const char *expr, long *result);

/* ---- aliases (alias.c) ---- */
const char *alias_get(struct shell *sh, const char *name);
bool alias_any(void);

/* ---- traps and signals (trap.c) ---- */
/* Runs the traps of signals that arrived; called between commands. */
void trap_run_pending(struct shell *sh);
void trap_init(struct shell *sh);
/* Notes sig's entry disposition before code outside trap.c changes it. */
void trap_entry_record(int sig);
void trap_run_exit(struct shell *sh);		/* the EXIT trap, once */
/* Wait and cooperative exit around a foreground wait of a non-interactive
 * shell (see trap.c): begin returns true when it caught SIGINT; pending
 * says a SIGINT came since; end puts the default back and, if one came
 * and `die`, kills the shell with it. */
bool trap_wce_begin(struct shell *sh);
bool trap_wce_pending(void);
void trap_wce_end(struct shell *sh, bool die);
/* Runs the EXIT trap, then dies of `sig`. */
_Noreturn void trap_die(struct shell *sh, int sig);
void trap_subshell_reset(struct shell *sh);
void trap_monitor(struct shell *sh, bool on);
/* Catches SIGHUP for sh->hangup_hook (unless ignored at entry). */
void trap_hangup_init(struct shell *sh);
const sigset_t *trap_caught_set(void);
int trap_first_pending(void);
bool trap_wait_input(struct shell *sh, int fd, volatile sig_atomic_t *flag);
/* True if a child must get SIG_DFL for `sig` although the shell ignores it. */
bool trap_child_default(struct shell *sh, int sig);
/* True if a child must get SIG_IGN for `sig` although the shell catches it
 * (ignored on entry). */
bool trap_child_ignore(struct shell *sh, int sig);
/* False if neither of the two above can be true for any signal. */
bool trap_any_child_default(void);

/* The DEBUG trap before a command (`n`: its node, for BASH_COMMAND; `w`:
 * a part of `for (( ))`, shown as ((w))):
 * a cheap test when no DEBUG trap is set. It runs before the commands of
 * ERR and RETURN trap actions too (bash), not in its own. */
#define TRAP_DEBUG_SET(sh) ((sh)->traps[TRAP_DEBUG] != NULL && !((sh)->xtrap_running & XT_DEBUG))
void trap_run_debug(struct shell *sh, struct ast_node *n, struct word *w);
/* A subshell keeps the ERR trap (set -E) or the DEBUG trap (set -T): the
 * subshell, $(...) and pipeline shortcuts that run a command without the
 * executor (in the shell, or prepared before the fork) are not taken. */
#define TRAP_INHERITED(sh) (((sh)->opt.errtrace && (sh)->traps[TRAP_ERR] != NULL) || \
	((sh)->opt.functrace && (sh)->traps[TRAP_DEBUG] != NULL))
/* The ERR trap after a failed command (exec_check_errexit decides when). */
void trap_run_err(struct shell *sh);
/* The RETURN trap as a function or `.` file returns. */
void trap_run_return(struct shell *sh);
/* Around a function call or `.` (bash): without set -T the DEBUG and
 * RETURN traps, without set -E the ERR trap, are not inherited; after
 * the call they come back unless the body set its own. `saved` has three
 * slots; trap_call_leave frees them. */
void trap_call_enter(struct shell *sh, char **saved, bool is_dot);
void trap_call_leave(struct shell *sh, char **saved);

/* ---- call stack and shell-set variables (callstack.c) ---- */
void callstack_init(struct shell *sh);
void callstack_grow(struct shell *sh);
static inline void
callstack_push(struct shell *sh, const char *func, const char *source, int line)
{
	if (sh->nframes == sh->frames_cap)
		callstack_grow(sh);
	sh->frames[sh->nframes++] = (struct frame){ func, source, line };
	sh->frames_gen++;
}
static inline void
callstack_pop(struct shell *sh)
{
	sh->nframes--;
	sh->frames_gen++;
}
/* The interned copy of `name` (never freed). */
const char *callstack_intern(const char *name);
/* BASH_SOURCE of a function defined now. */
const char *callstack_source(struct shell *sh);
/* Records the statuses of a pipeline for PIPESTATUS. */
void callstack_pipestatus(struct shell *sh, const int *st, size_t n);
/* One command's status as PIPESTATUS: inline, it is on every command. */
static inline void
callstack_status1(struct shell *sh, int st)
{
	sh->pipestatus[0] = st;
	sh->npipestatus = 1;
	sh->pipestatus_gen++;
}
/* BASH_COMMAND for the head of a compound command (`for x in a b`, `case
 * w in `, `((i++))` of a for (( )) when `w` is given). */
void callstack_command_head(struct shell *sh, struct ast_node *n, struct word *w);
/* The simple command about to run, for BASH_COMMAND: two stores. The
 * parse unit it lives in is remembered so that freeing that unit first
 * copies the text out (callstack_unit_freed). */
static inline void
callstack_set_command(struct shell *sh, struct ast_node *n)
{
	sh->cur_cmd = n;
	sh->cur_cmd_unit = sh->cur_unit;
}
/* function.c: a parse unit is about to be freed. */
void callstack_unit_freed(struct shell *sh, struct parse_unit *u);

/* ---- jobs (job.c, job.h) ---- */
void job_monitor_changed(struct shell *sh);
/* Registers the job module's option hook (start-up). */
void job_init(struct shell *sh);
/* Options are parsed: -m takes effect (after trap_init, interactive_init). */
void job_start(struct shell *sh);

/* ---- the one shell ---- */
/* Loads LC_CTYPE and LC_COLLATE from the environment on first use
 * (locale.c). */
void shell_locale(void);
/* Appends code point cp in the locale's encoding; where it cannot be
 * encoded, bash's spelling \uXXXX or \UXXXXXXXX (locale.c). */
void locale_put_unicode(struct strbuf *out, unsigned long cp);
/* Before localtime(): the C library's TZ made the shell's exported TZ. */
void locale_tz(struct shell *sh);
/* Deep recursion (f() { f; }, eval/. in themselves) ends in an error, not
 * a crash: shell_stack_limit() takes the room from RLIMIT_STACK (at start
 * and after ulimit -s); shell_stack_low() says the room is nearly used. */
void shell_stack_limit(struct shell *sh);
bool shell_stack_low(struct shell *sh);
/* The length of the character at s (n > 0 bytes left): 1 for ASCII, in a
 * single-byte locale and for a byte that starts no valid character. */
size_t shell_mblen(const char *s, size_t n);
/* IFS holds characters (XCU 2.6.5): ifs_multibyte() says whether it has a
 * multibyte one in this locale; ifs_char_at() gives the length of the IFS
 * character s starts with (n bytes left), or 0; with mb false, bytes. */
bool ifs_multibyte(const char *ifs);
size_t ifs_char_at(const char *ifs, bool mb, const char *s, size_t n);
/* The same with IFS's bytes in a bit set, for the loops that test every
 * byte of a value: ifs_set_init() once (ifs NULL: unset, " \t\n"). */
struct ifs_set {
	const char *s;
	bool mb;
	uint64_t bits[4];
};
void ifs_set_init(struct ifs_set *f, const char *ifs);
static inline size_t
ifs_set_at(const struct ifs_set *f, const char *s, size_t n)
{
	unsigned char c = (unsigned char)*s;

	if (f->mb)
		return ifs_char_at(f->s, true, s, n);
	return (f->bits[c >> 6] >> (c & 63)) & 1;	/* (NUL is never in it) */
}
/* What "$*" joins with: IFS's first character (in buf), " " for IFS
 * unset (NULL), NULL for IFS null. */
const char *ifs_join_sep(const char *ifs, char *buf, size_t size);
/* Registers the hooks that reload it when LC_ALL, LC_CTYPE, LC_COLLATE or
 * LANG is assigned. */
void locale_init(struct shell *sh);
/* The shell that signal handlers act on (defined in trap.c, set by main). */
extern struct shell *the_shell;

#endif
