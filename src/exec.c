/* exec.c: the executor. Walks the tree of one complete command (XCU 2.9).
 *
 * External commands never fork: they are compiled into a spawn plan
 * (lib/spawn) whose child shares our memory. Builtins, functions and
 * compound commands run in the shell. Only real subshells fork, through
 * subshell_fork().
 *
 * Control flow (break, continue, return, exit) travels as sh->flow and is
 * checked after every command; nothing here uses longjmp. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../builtins/cd.h"
#include "exec.h"
#include "input.h"
#include "job.h"
#include "parse.h"
#include "redir.h"
#include "spawn/spawn.h"

enum run_mode {
	RUN_FG,		/* wait for it */
	RUN_BG,		/* asynchronous list: don't wait */
	RUN_PIPE,	/* a pipeline stage: the pipeline waits */
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
};

static int exec_list_item(struct shell *sh, struct ast_node *n, bool async);

/* ---- LINENO (XCU 2.5.3): the line being run, until the user assigns it ---- */

static void
lineno_changed(struct shell *sh, const char *value)
{
	sh->lineno_auto = false;
}

static const char *
lineno_read(struct shell *sh, char *buf, size_t size)
{
	if (!sh->lineno_auto)
		return NULL;
	snprintf(buf, size, "%d", sh->lineno);
	return buf;
}

static const struct var_hook lineno_hook = { "LINENO", lineno_changed, lineno_read };

void
exec_init(struct shell *sh)
{
	var_hook_add(sh, &lineno_hook);
}

/* ---- small helpers ---- */

static bool
is_fatal_context(struct shell *sh)
{
	return !sh->opt.interactive || sh->subshell;
}

/* XCU 2.8.1: errors that exit a non-interactive shell. */
static void
fatal_error(struct shell *sh, int status)
{
	sh->status = status;
	if (is_fatal_context(sh) && !sh->in_command_builtin)
		shell_exit(sh, status);
}

static void
check_errexit(struct shell *sh)
{
	if (sh->status != 0 && sh->opt.errexit && sh->errexit_suppressed == 0 &&
	    sh->flow == FLOW_NONE)
		shell_exit(sh, sh->status);
}

/* Arithmetic or ${x=} in a word would change the shell: such a word must
 * be expanded in the subshell that runs a pipeline stage, not here. */
static bool
word_has_side_effects(struct word *w);

static bool
parts_have_side_effects(struct wpart *p)
{
	for (; p != NULL; p = p->next) {
		switch (p->kind) {
		case WP_LIT:
		case WP_CMDSUB:
			break;
		case WP_DQ:
			if (parts_have_side_effects(p->u.dq))
				return true;
			break;
		case WP_PARAM:
			if (p->u.param.op == PARAM_ASSIGN || p->u.param.op == PARAM_ERROR)
				return true;
			if (p->u.param.arg && word_has_side_effects(p->u.param.arg))
				return true;
			break;
		case WP_ARITH:
			return true;
		}
	}
	return false;
}

static bool
word_has_side_effects(struct word *w)
{
	for (; w != NULL; w = w->next)
		if (parts_have_side_effects(w->parts))
			return true;
	return false;
}

static bool
simple_is_pure(struct ast_simple *c)
{
	struct assign *a;
	struct redir *r;

	if (word_has_side_effects(c->words))
		return false;
	for (a = c->assigns; a != NULL; a = a->next)
		if (word_has_side_effects(a->value))
			return false;
	for (r = c->base.redirs; r != NULL; r = r->next)
		if ((r->target && word_has_side_effects(r->target)) ||
		    (r->here && r->here->body && !r->here->quoted &&
		     word_has_side_effects(r->here->body)))
			return false;
	return true;
}

/* The text of a job for `jobs` and notices: always for background jobs,
 * for foreground ones only where they can be stopped (job control). */
static char *
command_text(struct shell *sh, struct ast_node *n, bool bg)
{
	struct strbuf b = STRBUF_INIT;
	char *s;

	if (!bg && !sh->opt.interactive && !sh->opt.monitor)
		return NULL;
	ast_print(&b, n);
	s = sb_detach(&b);
	return s;
}

/* PS4 after parameter expansion (XCU 2.5.3), malloc'd. Not re-entered:
 * a $(...) in PS4 is not itself traced with an expanded PS4. */
static char *
xtrace_prefix(struct shell *sh)
{
	static bool busy;
	const char *ps4 = var_get(sh, "PS4");
	char *r;

	if (ps4 == NULL)
		ps4 = "";
	if (busy || (strchr(ps4, '$') == NULL && strchr(ps4, '`') == NULL))
		return strdup(ps4);
	busy = true;
	r = expand_string(sh, ps4);	/* XCU 2.5.3: parameter expansion */
	busy = false;
	return r != NULL ? r : strdup(ps4);
}

static void
xtrace(struct shell *sh, struct prep *p)
{
	struct strbuf b = STRBUF_INIT;
	struct assign *a;
	int i;
	char *ps4;

	if (!sh->opt.xtrace)
		return;
	ps4 = xtrace_prefix(sh);
	sb_adds(&b, ps4);
	for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++) {
		sb_printf(&b, "%s%s=%s", i ? " " : "", a->name, p->avals[i]);
	}
	for (int k = 0; k < p->argc; k++) {
		const char *s = p->argv[k];
		bool plain = *s != '\0' && strpbrk(s, " \t\n'\"\\$`|&;<>()*?[]#~=%{}") == NULL;
		if (b.len > strlen(ps4) || i)
			sb_addc(&b, ' ');
		if (plain) {
			sb_adds(&b, s);
		} else {
			sb_addc(&b, '\'');
			for (; *s; s++)
				if (*s == '\'')
					sb_adds(&b, "'\\''");
				else
					sb_addc(&b, *s);
			sb_addc(&b, '\'');
		}
	}
	sb_addc(&b, '\n');
	fflush(stdout);
	if (write(2, b.s, b.len) < 0) {
		/* ignore */
	}
	sb_free(&b);
	free(ps4);
}

/* ---- functions ---- */

struct function *
exec_find_function(struct shell *sh, const char *name)
{
	struct function *f;

	for (f = sh->funcs; f != NULL; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

static void
unit_unref(struct parse_unit *u)
{
	if (u != NULL && --u->refs == 0) {
		arena_free(&u->arena);
		free(u);
	}
}

void
exec_define_function(struct shell *sh, const char *name, struct ast_node *body)
{
	struct function *f = exec_find_function(sh, name);

	if (f == NULL) {
		f = calloc(1, sizeof *f);
		if (f == NULL)
			abort();
		f->name = strdup(name);
		f->next = sh->funcs;
		sh->funcs = f;
	} else {
		unit_unref(f->unit);
	}
	f->body = body;
	f->unit = sh->cur_unit;
	if (f->unit != NULL)
		f->unit->refs++;
}

int
exec_unset_function(struct shell *sh, const char *name)
{
	struct function **pp, *f;

	for (pp = &sh->funcs; (f = *pp) != NULL; pp = &f->next)
		if (strcmp(f->name, name) == 0) {
			*pp = f->next;
			unit_unref(f->unit);
			free(f->name);
			free(f);
			return 0;
		}
	return 0;
}

int
exec_function(struct shell *sh, struct function *fn, int argc, char **argv)
{
	int saved_argc = sh->argc;
	char **saved_argv = sh->argv;
	struct parse_unit *unit = fn->unit;
	int i, st;

	/* The function may redefine itself while running: keep its tree. */
	if (unit != NULL)
		unit->refs++;
	if (sh->func_depth >= 1000) {
		diag_error(sh, "%s: function nesting too deep", argv[0]);
		unit_unref(unit);
		return 2;
	}
	sh->argc = argc - 1;
	sh->argv = malloc((size_t)argc * sizeof *sh->argv);
	if (sh->argv == NULL)
		abort();
	for (i = 1; i < argc; i++)
		sh->argv[i - 1] = strdup(argv[i]);
	sh->argv[argc - 1] = NULL;
	sh->func_depth++;
	sh->scope++;
	st = exec_node(sh, fn->body);
	if (sh->flow == FLOW_RETURN) {
		sh->flow = FLOW_NONE;
		st = sh->status = sh->exit_status;
	}
	var_pop_scope(sh, sh->scope);
	sh->scope--;
	sh->func_depth--;
	for (i = 0; i < sh->argc; i++)
		free(sh->argv[i]);
	free(sh->argv);
	sh->argc = saved_argc;
	sh->argv = saved_argv;
	unit_unref(unit);
	return st;
}

/* ---- simple commands ---- */

/* Temporary assignments for regular builtins and functions. */
struct saved_var {
	char *name;
	char *value;
	unsigned flags;
	bool existed;
};

static void assign_restore(struct shell *sh, struct saved_var *sv, int n);
static struct saved_var *assign_save(struct shell *sh, struct prep *p, int *n, bool *failed);

/* Makes the command's assignments for the time it runs (regular builtins
 * and functions), saving what they hide in *sv. Returns 0, or -1 after a
 * diagnostic (a read-only variable), everything already restored. */
static int
assign_temp(struct shell *sh, struct prep *p, struct saved_var **out, int *n)
{
	bool failed = false;
	struct saved_var *sv = assign_save(sh, p, n, &failed);

	if (failed) {
		assign_restore(sh, sv, *n);
		return -1;
	}
	*out = sv;
	return 0;
}

static struct saved_var *
assign_save(struct shell *sh, struct prep *p, int *n, bool *failed)
{
	struct assign *a;
	struct saved_var *sv;
	int i = 0, k = 0;

	for (a = p->c->assigns; a != NULL; a = a->next)
		k++;
	*n = 0;
	if (k == 0)
		return NULL;
	sv = calloc((size_t)k, sizeof *sv);
	for (a = p->c->assigns; a != NULL; a = a->next, i++) {
		struct var *v = var_lookup(sh, a->name);
		sv[i].name = a->name;
		sv[i].existed = v != NULL;
		if (v != NULL) {
			sv[i].value = v->value ? strdup(v->value) : NULL;
			sv[i].flags = v->flags;
		}
		*n = i + 1;
		if (var_set(sh, a->name, p->avals[i], VAR_EXPORT) != 0) {
			*failed = true;
			break;
		}
	}
	return sv;
}

static void
assign_restore(struct shell *sh, struct saved_var *sv, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--) {
		struct var *v = var_lookup(sh, sv[i].name);
		if (v != NULL && (v->flags & VAR_READONLY) && !(sv[i].flags & VAR_READONLY))
			continue;	/* made read-only meanwhile: keep */
		if (v != NULL)
			v->flags &= ~VAR_READONLY;
		if (sv[i].existed) {
			if (sv[i].value != NULL)
				var_set(sh, sv[i].name, sv[i].value, 0);
			else
				var_unset(sh, sv[i].name);
			v = var_lookup(sh, sv[i].name);
			if (v != NULL) {
				v->flags = sv[i].flags;
				free(sh->env_cache);
				sh->env_cache = NULL;
			}
		} else {
			var_unset(sh, sv[i].name);
		}
		free(sv[i].value);
	}
	free(sv);
}

/* export, readonly and local written literally as the command name. */
static bool
is_declaration(struct word *w)
{
	struct wpart *p = w != NULL ? w->parts : NULL;

	if (p == NULL || p->next != NULL || p->kind != WP_LIT || p->u.lit.quoted)
		return false;
	return strcmp(p->u.lit.text, "export") == 0 ||
	    strcmp(p->u.lit.text, "readonly") == 0 || strcmp(p->u.lit.text, "local") == 0;
}

/* Expands and looks up a simple command. Returns 0, or -1 after an
 * expansion error (sh->expand_err says how bad). */
static int
prepare(struct shell *sh, struct ast_simple *c, struct prep *p)
{
	struct assign *a;
	int i, k = 0;
	bool nofunc = false;

	memset(p, 0, sizeof *p);
	p->c = c;
	sh->expand_err = 0;
	p->argc = is_declaration(c->words) ? expand_words_decl(sh, c->words, &p->argv)
	    : expand_words(sh, c->words, &p->argv);
	if (p->argc < 0)
		return -1;
	for (a = c->assigns; a != NULL; a = a->next)
		k++;
	p->avals = arena_alloc(&sh->eval, (size_t)(k + 1) * sizeof *p->avals);
	/* Without a command name, each assignment is expanded just before it
	 * is made, so `x=1 y=$x` sees the new x (run_no_command). */
	if (p->argc == 0 && c->words == NULL) {
		p->kind = P_NONE;
		return 0;
	}
	for (a = c->assigns, i = 0; a != NULL; a = a->next, i++) {
		p->avals[i] = expand_assign_value(sh, a->value);
		if (p->avals[i] == NULL)
			return -1;
	}
	/* `command [-p] name`: skip functions, no special-builtin rules */
	while (p->argc > 0 && strcmp(p->argv[0], "command") == 0 && builtin_find("command")) {
		int j = 1;
		bool usep = false, v = false;
		while (j < p->argc && p->argv[j][0] == '-' && p->argv[j][1] != '\0') {
			if (strcmp(p->argv[j], "--") == 0) {
				j++;
				break;
			}
			if (strspn(p->argv[j] + 1, "pvV") != strlen(p->argv[j] + 1))
				v = true;	/* a bad option: the builtin reports it */
			if (strchr(p->argv[j], 'v') || strchr(p->argv[j], 'V'))
				v = true;
			if (strchr(p->argv[j], 'p'))
				usep = true;
			j++;
		}
		if (v)
			break;	/* command -v/-V (or a usage error): the builtin */
		p->argc -= j;
		p->argv += j;
		nofunc = true;
		sh->in_command_builtin = true;
		if (usep && p->argc > 0 && strchr(p->argv[0], '/') == NULL) {
			char defpath[1024];
			confstr(_CS_PATH, defpath, sizeof defpath);
			if (!builtin_find(p->argv[0]))
				p->path = exec_path_search(sh, p->argv[0], defpath);
		}
	}
	if (p->argc == 0) {
		p->kind = P_NONE;
		return 0;
	}
	const char *name = p->argv[0];
	if (strchr(name, '/') != NULL) {
		p->kind = P_EXTERNAL;
		p->path = strdup(name);
		return 0;
	}
	p->bi = builtin_find(name);
	if (p->bi != NULL && p->bi->cls == BI_SPECIAL) {
		p->kind = nofunc ? P_REGULAR : P_SPECIAL;
		return 0;
	}
	if (!nofunc && (p->fn = exec_find_function(sh, name)) != NULL) {
		p->kind = P_FUNC;
		return 0;
	}
	if (p->bi != NULL) {
		p->kind = P_REGULAR;
		return 0;
	}
	if (p->path == NULL) {
		const char *pathval = NULL;
		for (a = c->assigns, i = 0; a != NULL; a = a->next, i++)
			if (strcmp(a->name, "PATH") == 0)
				pathval = p->avals[i];
		p->path = exec_path_search(sh, name, pathval);
	}
	p->kind = p->path != NULL ? P_EXTERNAL : P_NOTFOUND;
	return 0;
}

static void
prep_free(struct prep *p)
{
	free(p->path);
	p->path = NULL;
	free(p->chdir_to);
	p->chdir_to = NULL;
}

/* `cd` in a plan: PWD and OLDPWD change in the environment as cd would
 * change them, where they are exported. */
static char **
cd_env(struct shell *sh, char **base, const char *dir)
{
	struct var *pwd = var_lookup(sh, "PWD"), *old = var_lookup(sh, "OLDPWD");
	size_t n = 0, m = 0, i;
	char **env;

	while (base[n] != NULL)
		n++;
	env = arena_alloc(&sh->eval, (n + 3) * sizeof *env);
	for (i = 0; i < n; i++)
		if (strncmp(base[i], "PWD=", 4) != 0 && strncmp(base[i], "OLDPWD=", 7) != 0)
			env[m++] = base[i];
	if (pwd != NULL && (pwd->flags & VAR_EXPORT)) {
		char *e = arena_alloc(&sh->eval, strlen(dir) + 5);
		stpcpy(stpcpy(e, "PWD="), dir);
		env[m++] = e;
	}
	if (old != NULL && (old->flags & VAR_EXPORT) && pwd != NULL && pwd->value != NULL) {
		char *e = arena_alloc(&sh->eval, strlen(pwd->value) + 8);
		stpcpy(stpcpy(e, "OLDPWD="), pwd->value);
		env[m++] = e;
	} else if (old != NULL && (old->flags & VAR_EXPORT) && old->value != NULL) {
		char *e = arena_alloc(&sh->eval, strlen(old->value) + 8);
		stpcpy(stpcpy(e, "OLDPWD="), old->value);
		env[m++] = e;
	}
	env[m] = NULL;
	return env;
}

/* The environment of an external command: exported variables plus the
 * command's own assignments. */
static char **
command_env(struct shell *sh, struct prep *p)
{
	char **base = var_environ(sh, &sh->eval);
	struct assign *a;
	size_t n = 0, k, i;
	char **env;

	if (p->chdir_to != NULL)
		base = cd_env(sh, base, p->chdir_to);
	if (p->c->assigns == NULL)
		return base;
	while (base[n] != NULL)
		n++;
	k = 0;
	for (a = p->c->assigns; a != NULL; a = a->next)
		k++;
	env = arena_alloc(&sh->eval, (n + k + 1) * sizeof *env);
	size_t m = 0;
	for (i = 0; i < n; i++) {
		bool over = false;
		for (a = p->c->assigns; a != NULL; a = a->next) {
			size_t l = strlen(a->name);
			if (strncmp(base[i], a->name, l) == 0 && base[i][l] == '=')
				over = true;
		}
		if (!over)
			env[m++] = base[i];
	}
	size_t first = m;	/* the command's own entries start here */
	for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++) {
		size_t nl = strlen(a->name), j;
		char *s = arena_alloc(&sh->eval, nl + strlen(p->avals[i]) + 2);
		stpcpy(stpcpy(stpcpy(s, a->name), "="), p->avals[i]);
		/* a later assignment to the same name wins: x=1 x=2 cmd */
		for (j = first; j < m; j++)
			if (strncmp(env[j], a->name, nl) == 0 && env[j][nl] == '=')
				break;
		env[j] = s;
		if (j == m)
			m++;
	}
	env[m] = NULL;
	return env;
}

/* The prefix of the messages a plan's child writes ("spsh: FILE: line N: ").
 * Kept between commands: it changes only with the script and the line,
 * and a loop spawns from the same line again and again. */
static const char *
err_prefix(struct shell *sh)
{
	static struct strbuf cached = STRBUF_INIT;
	static const char *name;
	static int lineno = -1;
	static bool valid;

	if (!valid || name != sh->script_name || lineno != sh->lineno ||
	    sh->opt.interactive) {
		sb_reset(&cached);
		diag_prefix(sh, &cached);
		name = sh->script_name;
		lineno = sh->lineno;
		valid = true;
	}
	return cached.s;
}

/* Spawns an external command from a plan. in/out: pipe fds for a
 * pipeline stage (-1: inherit). Adds the child to `job`. Returns 0, or
 * the status of a launch failure. */
static int
spawn_external(struct shell *sh, struct prep *p, int in, int out, struct job *job,
    enum run_mode mode)
{
	struct spawn_plan plan;
	struct spawn_result res;
	int src[2], dst[2], nmov = 0;
	int ntmp = 0, i, rc;
	int *tmpfds;
	struct redir *r;
	size_t nr = 0;
	const char *paths[1];
	struct spawn_op *op;
	int sig;

	spawn_plan_init(&plan);
	for (r = p->c->base.redirs; r != NULL; r = r->next)
		nr++;
	tmpfds = arena_alloc(&sh->eval, (nr + 1) * sizeof *tmpfds);
	if (in >= 0) {
		src[nmov] = in;
		dst[nmov++] = 0;
	}
	if (out >= 0) {
		src[nmov] = out;
		dst[nmov++] = 1;
	}
	if (nmov)
		spawn_add_moves(&plan, src, dst, (size_t)nmov);
	if (p->chdir_to != NULL) {
		op = spawn_add(&plan, SPAWN_CHDIR);
		op->path = p->chdir_to;
		op->errname = p->chdir_name;
	}
	if (sh->opt.monitor && sh->tty_fd >= 0 && !sh->subshell) {
		op = spawn_add(&plan, SPAWN_SETPGID);
		op->pgid = job->pgid;
		if (mode != RUN_BG) {
			op = spawn_add(&plan, SPAWN_TCSETPGRP);
			op->fd = sh->tty_fd;
			op->pgid = job->pgid;
		}
	}
	if (trap_any_child_default())
		for (sig = 1; sig < NSIG; sig++)
			if (trap_child_default(sh, sig)) {
				op = spawn_add(&plan, SPAWN_SIGDFL);
				op->sig = sig;
			}
	if (mode == RUN_BG && !sh->opt.monitor) {
		/* XCU 2.9.3.1: asynchronous lists ignore SIGINT and SIGQUIT and
		 * read /dev/null unless job control is on. */
		op = spawn_add(&plan, SPAWN_SIGIGN);
		op->sig = SIGINT;
		op = spawn_add(&plan, SPAWN_SIGIGN);
		op->sig = SIGQUIT;
		if (!redir_touches_fd(p->c->base.redirs, 0) && in < 0) {
			op = spawn_add(&plan, SPAWN_OPEN);
			op->fd = 0;
			op->path = "/dev/null";
			op->flags = O_RDONLY;
		}
	}
	if (redir_plan(sh, p->c->base.redirs, &plan, tmpfds, &ntmp) != 0) {
		for (i = 0; i < ntmp; i++)
			close(tmpfds[i]);
		spawn_plan_free(&plan);
		return 1;
	}
	paths[0] = p->path;
	plan.argv = p->argv;
	plan.envp = command_env(sh, p);
	plan.paths = paths;
	plan.npaths = p->path != NULL ? 1 : 0;
	plan.cmdname = p->argv[0];
	plan.enoexec_interp = sh->self_exe;
	plan.sig_default = *trap_caught_set();
	sigemptyset(&plan.mask);
	plan.err_prefix = err_prefix(sh);
	plan.flags = (sh->force_fork ? SPAWN_FORK : 0) | (mode == RUN_BG ? SPAWN_ASYNC : 0);
	fflush(stdout);
	rc = spawn_run(&plan, &res);
	for (i = 0; i < ntmp; i++)
		close(tmpfds[i]);
	spawn_plan_free(&plan);
	if (rc != 0) {
		diag_errno(sh, "cannot start %s", p->argv[0]);
		return 2;
	}
	sh->n_spawn++;
	job_add_proc(sh, job, res.pid);
	if (sh->opt.monitor && sh->tty_fd >= 0 && !sh->subshell)
		setpgid(res.pid, job->pgid);	/* also in the parent: no race */
	return 0;
}

/* Runs an already-prepared builtin in the shell with its redirections. */
static int
run_builtin(struct shell *sh, struct prep *p)
{
	struct redir_undo undo = { 0 };
	struct saved_var *sv = NULL;
	int nsv = 0, st, i;
	struct assign *a;

	if (redir_apply(sh, p->c->base.redirs, &undo) != 0) {
		redir_undo(sh, &undo);
		if (p->kind == P_SPECIAL)
			fatal_error(sh, 1);
		return 1;
	}
	if (p->kind == P_SPECIAL) {
		/* XCU 2.15: assignments before special builtins persist */
		for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++)
			if (var_set(sh, a->name, p->avals[i], 0) != 0) {
				redir_undo(sh, &undo);
				fatal_error(sh, 1);
				return 1;
			}
	} else if (assign_temp(sh, p, &sv, &nsv) != 0) {
		redir_undo(sh, &undo);
		fatal_error(sh, 1);
		return 1;
	}
	sh->builtin_error = false;
	st = p->bi->fn(sh, p->argc, p->argv);
	if (fflush(stdout) != 0) {
		if (st == 0) {
			diag_errno(sh, "%s: write error", p->argv[0]);
			st = 1;
		}
	}
	clearerr(stdout);
	redir_undo(sh, &undo);
	if (sv != NULL)
		assign_restore(sh, sv, nsv);
	if (p->kind == P_SPECIAL && sh->builtin_error)
		fatal_error(sh, st);
	return st;
}

static int
run_function(struct shell *sh, struct prep *p)
{
	struct redir_undo undo = { 0 };
	struct saved_var *sv;
	int nsv = 0, st;

	if (redir_apply(sh, p->c->base.redirs, &undo) != 0) {
		redir_undo(sh, &undo);
		return 1;
	}
	if (assign_temp(sh, p, &sv, &nsv) != 0) {
		redir_undo(sh, &undo);
		fatal_error(sh, 1);
		return 1;
	}
	st = exec_function(sh, p->fn, p->argc, p->argv);
	redir_undo(sh, &undo);
	if (sv != NULL)
		assign_restore(sh, sv, nsv);
	return st;
}

/* A simple command without a command name (XCU 2.9.1.1): assignments in the
 * shell, redirections opened and closed. */
static int
run_no_command(struct shell *sh, struct prep *p)
{
	struct redir_undo undo = { 0 };
	struct assign *a;
	int i;

	if (redir_apply(sh, p->c->base.redirs, &undo) != 0) {
		redir_undo(sh, &undo);
		return 1;
	}
	redir_undo(sh, &undo);
	for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++) {
		if (p->avals[i] == NULL)
			p->avals[i] = expand_assign_value(sh, a->value);
		if (p->avals[i] == NULL) {
			fatal_error(sh, sh->expand_err == 2 ? 2 : 1);
			return sh->status;
		}
		if (sh->opt.xtrace) {
			char *ps4 = xtrace_prefix(sh);
			fprintf(stderr, "%s%s=%s\n", ps4, a->name, p->avals[i]);
			free(ps4);
		}
		if (var_set(sh, a->name, p->avals[i], 0) != 0) {
			fatal_error(sh, 1);
			return 1;
		}
	}
	return sh->cmdsub_ran ? sh->cmdsub_status : 0;
}

static int
run_not_found(struct shell *sh, struct prep *p)
{
	struct redir_undo undo = { 0 };

	if (redir_apply(sh, p->c->base.redirs, &undo) == 0)
		diag_error(sh, "%s: not found", p->argv[0]);
	redir_undo(sh, &undo);
	return 127;
}

/* False, after the message, if an assignment before an external command
 * names a read-only variable (XCU 2.8.1: a variable assignment error). */
static bool
assigns_writable(struct shell *sh, struct prep *p)
{
	for (struct assign *a = p->c->assigns; a != NULL; a = a->next) {
		struct var *v = var_lookup(sh, a->name);
		if (v != NULL && (v->flags & VAR_READONLY)) {
			diag_error(sh, "%s: is read only", a->name);
			return false;
		}
	}
	return true;
}

/* `exec [cmd [args]]` (XCU 2.15 exec): redirections stay in effect;
 * with a command, the shell is replaced by it. */
static int
run_exec(struct shell *sh, struct prep *p)
{
	struct assign *a;
	int i;

	if (redir_apply(sh, p->c->base.redirs, NULL) != 0) {
		fatal_error(sh, 1);
		return 1;
	}
	for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++)
		if (var_set(sh, a->name, p->avals[i], p->argc > 1 ? VAR_EXPORT : 0) != 0) {
			fatal_error(sh, 1);
			return 1;
		}
	return exec_replace(sh, p->argc, p->argv);
}

/* Runs a prepared simple command in the foreground. */
static int
run_prepared(struct shell *sh, struct prep *p)
{
	struct job *job;
	int st;

	if (p->kind != P_NONE)	/* run_no_command traces the expanded values */
		xtrace(sh, p);
	switch (p->kind) {
	case P_NONE:
		return run_no_command(sh, p);
	case P_SPECIAL:
	case P_REGULAR:
		if (strcmp(p->bi->name, "exec") == 0)
			return run_exec(sh, p);
		return run_builtin(sh, p);
	case P_FUNC:
		return run_function(sh, p);
	case P_NOTFOUND:
		return run_not_found(sh, p);
	case P_EXTERNAL:
		break;
	}
	if (!assigns_writable(sh, p)) {
		fatal_error(sh, 1);
		return 1;
	}
	job = job_new(sh, NULL, false);
	if (sh->opt.monitor && sh->tty_fd >= 0 && !sh->subshell) {
		free(job->cmd);
		job->cmd = command_text(sh, &p->c->base, false);
	}
	st = spawn_external(sh, p, -1, -1, job, RUN_FG);
	if (st != 0) {
		job_free(sh, job);
		return st;
	}
	return job_wait_fg(sh, job);
}

/* The last command of a forked subshell, or of `spsh -c '...'`, may
 * replace the shell (as `exec` would) when nothing is left to do after it:
 * no trap to run, not even an EXIT trap. One process fewer. */
static bool
can_exec_in_place(struct shell *sh)
{
	int sig;

	if (sh->opt.interactive || sh->opt.monitor)
		return false;
	for (sig = 0; sig < NSIG; sig++)
		if (sh->traps[sig] != NULL && sh->traps[sig][0] != '\0')
			return false;
	return true;
}

/* Replaces the shell by `path` (signals the shell catches or ignores for
 * itself back to their defaults; a script without #! run by our own
 * binary). Returns only on failure: 127 or 126, after the message. */
static int
execve_here(struct shell *sh, const char *path, char **argv, char **env)
{
	int sig, n = 0;

	fflush(stdout);
	for (sig = 1; sig < NSIG; sig++)
		if (sigismember(trap_caught_set(), sig) || trap_child_default(sh, sig))
			signal(sig, SIG_DFL);
	execve(path, argv, env);
	if (errno == ENOEXEC && sh->self_exe != NULL) {
		while (argv[n] != NULL)
			n++;
		char **nargv = arena_alloc(&sh->eval, ((size_t)n + 2) * sizeof *nargv);
		nargv[0] = sh->self_exe;
		nargv[1] = (char *)path;
		for (int i = 1; i < n; i++)
			nargv[i + 1] = argv[i];
		execve(sh->self_exe, nargv, env);
	}
	if (errno == ENOENT || errno == ENOTDIR) {
		diag_error(sh, "%s: not found", argv[0]);
		return 127;
	}
	diag_errno(sh, "%s", argv[0]);
	return 126;
}

static int
exec_in_place(struct shell *sh, struct prep *p)
{
	if (!assigns_writable(sh, p))
		return 1;
	if (redir_apply(sh, p->c->base.redirs, NULL) != 0)
		return 1;
	return execve_here(sh, p->path, p->argv, command_env(sh, p));
}

static int
exec_simple(struct shell *sh, struct ast_simple *c, bool tail)
{
	struct prep p;
	struct arena_mark m = arena_mark(&sh->eval);
	int st;

	sh->lineno = c->base.lineno;
	sh->cmdsub_ran = false;
	sh->in_command_builtin = false;
	if (prepare(sh, c, &p) != 0) {
		prep_free(&p);
		arena_release(&sh->eval, m);
		sh->in_command_builtin = false;
		fatal_error(sh, sh->expand_err == 2 ? 2 : 1);
		return sh->status;
	}
	if (tail && p.kind == P_EXTERNAL && can_exec_in_place(sh)) {
		xtrace(sh, &p);
		st = exec_in_place(sh, &p);
	} else {
		st = run_prepared(sh, &p);
	}
	sh->in_command_builtin = false;
	prep_free(&p);
	arena_release(&sh->eval, m);
	sh->status = st;
	if (sh->expand_err) {
		/* a redirection's word failed to expand: XCU 2.8.1 */
		fatal_error(sh, sh->expand_err == 2 ? 2 : 1);
		sh->expand_err = 0;
	}
	return st;
}

/* ---- subshells, pipelines and asynchronous lists ---- */

/* The status a subshell exits with after an expansion error. */
static int
subshell_error_status(struct shell *sh)
{
	int st = sh->expand_err == 2 ? 2 : 1;

	sh->expand_err = 0;
	return st;
}

/* Runs `n` in a forked child with stdin/stdout from in/out. */
static int
fork_stage(struct shell *sh, struct ast_node *n, struct prep *p, int in, int out,
    struct job *job, enum run_mode mode)
{
	pid_t pid = subshell_fork(sh);

	if (pid < 0)
		return 2;
	if (pid == 0) {
		if (sh->opt_monitor_saved && job != NULL) {
			setpgid(0, job->pgid);
			if (mode != RUN_BG)
				tcsetpgrp(sh->tty_fd, job->pgid ? job->pgid : getpid());
		}
		if (mode == RUN_BG && !sh->opt_monitor_saved) {
			signal(SIGINT, SIG_IGN);
			signal(SIGQUIT, SIG_IGN);
			if (in < 0 && !redir_touches_fd(n->redirs, 0)) {
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
			subshell_exit(sh, run_prepared(sh, p));
		sh->tail = true;
		exec_node(sh, n);
		subshell_exit(sh, sh->status);
	}
	job_add_proc(sh, job, pid);
	if (sh->opt.monitor && sh->tty_fd >= 0 && !sh->subshell)
		setpgid(pid, job->pgid);
	return 0;
}

/* Starts one pipeline stage or asynchronous command. Simple commands
 * whose expansion has no side effects are expanded here; if they name an
 * external command it is spawned, never forked. */
static int
start_stage(struct shell *sh, struct ast_node *n, int in, int out, struct job *job,
    enum run_mode mode)
{
	struct prep p;
	int st;

	if (n->kind == AST_SIMPLE && simple_is_pure((struct ast_simple *)n)) {
		struct ast_simple *c = (struct ast_simple *)n;
		sh->lineno = n->lineno;
		if (prepare(sh, c, &p) != 0) {
			/* The error (already reported) ends the subshell that
			 * would have run the command: record its status. */
			prep_free(&p);
			job_add_proc(sh, job, 0);
			job_set_done(sh, job, job->nproc - 1, subshell_error_status(sh));
			return 0;
		}
		if (p.kind == P_EXTERNAL) {
			xtrace(sh, &p);
			st = spawn_external(sh, &p, in, out, job, mode);
			prep_free(&p);
			if (st != 0) {
				/* keep the pipeline's shape: a failed stage */
				return st;
			}
			return 0;
		}
		st = fork_stage(sh, n, &p, in, out, job, mode);
		prep_free(&p);
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

static bool capture_safe(const struct builtin *b);

/* Builtins whose output does not depend on being in a subshell (echo,
 * printf, test, ...) run in the shell when every other stage is already
 * running and what they write goes to an external command or to our own
 * stdout: `echo $x | grep y` starts one process, not two. They never read
 * their input, so the pipes into them are closed before any of them runs:
 * a writer gets EPIPE instead of waiting forever. */
static bool
stage_inproc(struct stage *st, size_t i, size_t n)
{
	if (!st[i].prepared || st[i].p.kind != P_REGULAR || !capture_safe(st[i].p.bi) ||
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
			saved = fcntl(1, F_DUPFD_CLOEXEC, 64);
			dup2(st[i].out, 1);
			close(st[i].out);
		}
		xtrace(sh, &st[i].p);
		status = st[i].p.bi->fn(sh, st[i].p.argc, st[i].p.argv);
		fflush(stdout);
		clearerr(stdout);
		if (st[i].out >= 0) {
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

static void
prepare_stage(struct shell *sh, struct ast_pipeline *pl, struct stage *st, size_t i)
{
	struct ast_node *c = pl->cmds[i];

	if (st[i].tried)
		return;
	st[i].tried = true;
	if (c->kind == AST_SIMPLE && simple_is_pure((struct ast_simple *)c)) {
		sh->lineno = c->lineno;
		st[i].prepared = prepare(sh, (struct ast_simple *)c, &st[i].p) == 0;
		if (!st[i].prepared) {
			prep_free(&st[i].p);
			st[i].failed = true;
		}
	}
}

static int
exec_pipeline(struct shell *sh, struct ast_pipeline *pl, enum run_mode mode)
{
	struct job *job;
	int prev = -1, fds[2], st = 0;
	size_t i, n = pl->n;
	struct arena_mark m = arena_mark(&sh->eval);
	struct stage *stages;
	bool any_inproc = false;

	if (n == 1 && mode == RUN_FG) {
		sh->errexit_suppressed += pl->bang;
		st = exec_node(sh, pl->cmds[0]);
		sh->errexit_suppressed -= pl->bang;
		if (pl->bang)
			st = sh->status = !st;
		return st;
	}
	job = job_new(sh, NULL, mode == RUN_BG);
	job->cmd = command_text(sh, &pl->base, mode == RUN_BG);
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
			out = fds[1];
		}
		prepare_stage(sh, pl, stages, i);
		if (mode == RUN_FG && stages[i].prepared && stages[i].p.kind == P_REGULAR &&
		    capture_safe(stages[i].p.bi)) {
			if (i + 1 < n)
				prepare_stage(sh, pl, stages, i + 1);
			any_inproc |= stages[i].inproc = stage_inproc(stages, i, n);
		}
		if (stages[i].inproc) {
			stages[i].procidx = job->nproc;
			stages[i].out = out;
			job_add_proc(sh, job, 0);
			out = -1;	/* kept for the stage */
		} else if (stages[i].failed) {
			job_add_proc(sh, job, 0);
			job_set_done(sh, job, job->nproc - 1, subshell_error_status(sh));
		} else if (stages[i].prepared && stages[i].p.kind == P_EXTERNAL) {
			xtrace(sh, &stages[i].p);
			if (spawn_external(sh, &stages[i].p, prev, out, job, mode) != 0) {
				stages[i].procidx = job->nproc;
				job_add_proc(sh, job, 0);
				job_set_done(sh, job, stages[i].procidx, 127);
			}
		} else {
			fork_stage(sh, pl->cmds[i], stages[i].prepared ? &stages[i].p : NULL,
			    prev, out, job, mode);
		}
		if (prev >= 0)
			close(prev);
		if (out >= 0)
			close(out);
		prev = i + 1 < n ? fds[0] : -1;
	}
	if (prev >= 0)
		close(prev);
	if (any_inproc)
		run_inproc_stages(sh, stages, n, job);
	for (i = 0; i < n; i++)
		if (stages[i].prepared)
			prep_free(&stages[i].p);
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
		check_errexit(sh);
	return st;
}

static int
exec_async(struct shell *sh, struct ast_node *n)
{
	struct job *job;
	struct arena_mark m = arena_mark(&sh->eval);

	if (n->kind == AST_PIPELINE && ((struct ast_pipeline *)n)->n > 1)
		return exec_pipeline(sh, (struct ast_pipeline *)n, RUN_BG);
	job = job_new(sh, NULL, true);
	job->cmd = command_text(sh, n, true);
	start_stage(sh, n, -1, -1, job, RUN_BG);
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

static bool
parts_have_cmdsub(struct wpart *p)
{
	for (; p != NULL; p = p->next) {
		if (p->kind == WP_CMDSUB)
			return true;
		if (p->kind == WP_DQ && parts_have_cmdsub(p->u.dq))
			return true;
		if (p->kind == WP_PARAM && p->u.param.arg != NULL &&
		    parts_have_cmdsub(p->u.param.arg->parts))
			return true;
	}
	return false;
}

/* A word whose expansion does not depend on the working directory and
 * runs nothing: no $(...), no unquoted parameter (its value could hold
 * pattern characters), no unquoted * ? [. */
static bool
word_cwd_free(struct word *w)
{
	struct wpart *p;

	if (parts_have_cmdsub(w->parts) || word_has_side_effects(w))
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
	if (prepare(sh, c, &p) != 0 || p.kind != P_EXTERNAL ||
	    (strchr(p.argv[0], '/') == NULL && !path_all_absolute(var_get(sh, "PATH")))) {
		prep_free(&p);
		free(dir);
		return false;
	}
	p.chdir_to = dir;
	char *name = arena_alloc(&sh->eval, strlen(argv[1]) + 5);
	stpcpy(stpcpy(name, "cd: "), argv[1]);
	p.chdir_name = name;
	*status = run_prepared(sh, &p);
	prep_free(&p);
	return true;
}

static int
exec_subshell(struct shell *sh, struct ast_group *g)
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

	if (b != NULL && b->kind == AST_AND && sh->traps[0] == NULL &&
	    subshell_cd_plan(sh, (struct ast_andor *)b, &st)) {
		arena_release(&sh->eval, m);
		sh->status = st;
		check_errexit(sh);
		return st;
	}
	if (b != NULL && b->kind == AST_SIMPLE && sh->traps[0] == NULL) {
		struct ast_simple *c = (struct ast_simple *)b;
		int pr = c->words != NULL && simple_is_pure(c) ? prepare(sh, c, &p) : 1;
		if (pr < 0) {
			prep_free(&p);
			arena_release(&sh->eval, m);
			sh->status = subshell_error_status(sh);
			check_errexit(sh);
			return sh->status;
		}
		if (pr == 0 && p.kind == P_EXTERNAL) {
			sh->lineno = b->lineno;
			st = run_prepared(sh, &p);
			prep_free(&p);
			arena_release(&sh->eval, m);
			sh->status = st;
			check_errexit(sh);
			return st;
		}
		prepared = pr == 0;
	}
	job = job_new(sh, NULL, false);
	job->cmd = command_text(sh, &g->base, false);
	pid_t pid = subshell_fork(sh);
	if (pid < 0) {
		prep_free(&p);
		arena_release(&sh->eval, m);
		job_free(sh, job);
		return sh->status = 2;
	}
	if (pid == 0) {
		if (sh->opt_monitor_saved && sh->tty_fd >= 0) {
			setpgid(0, 0);
			tcsetpgrp(sh->tty_fd, getpid());
		}
		if (prepared)
			subshell_exit(sh, run_prepared(sh, &p));
		sh->tail = true;
		exec_node(sh, g->body);
		subshell_exit(sh, sh->status);
	}
	prep_free(&p);
	arena_release(&sh->eval, m);
	job_add_proc(sh, job, pid);
	if (sh->opt.monitor && sh->tty_fd >= 0)
		setpgid(pid, pid);
	sh->status = job_wait_fg(sh, job);
	check_errexit(sh);
	return sh->status;
}

/* ---- compound commands ---- */

static int
exec_cond(struct shell *sh, struct ast_node *n)
{
	int st;

	sh->errexit_suppressed++;
	st = exec_node(sh, n);
	sh->errexit_suppressed--;
	return st;
}

/* After a loop body: handles break/continue. Returns true to leave. */
static bool
loop_flow(struct shell *sh)
{
	if (sh->flow == FLOW_BREAK) {
		if (--sh->flow_count == 0)
			sh->flow = FLOW_NONE;
		return true;
	}
	if (sh->flow == FLOW_CONTINUE) {
		if (--sh->flow_count == 0) {
			sh->flow = FLOW_NONE;
			return false;
		}
		return true;
	}
	return sh->flow != FLOW_NONE;
}

static int
exec_loop(struct shell *sh, struct ast_loop *l, bool until)
{
	int st = 0;

	sh->loop_depth++;
	for (;;) {
		int c = exec_cond(sh, l->cond);
		if (sh->flow != FLOW_NONE) {
			if (loop_flow(sh))
				break;
			continue;
		}
		if ((c == 0) == until)
			break;
		st = exec_node(sh, l->body);
		if (loop_flow(sh))
			break;
	}
	sh->loop_depth--;
	sh->status = st;
	return st;
}

static int
exec_for(struct shell *sh, struct ast_for *f)
{
	char **items;
	int n, i, st = 0;
	struct arena_mark m;

	sh->lineno = f->base.lineno;
	if (!var_is_name(f->name)) {
		diag_error(sh, "%s: bad for loop variable", f->name);
		fatal_error(sh, 2);
		return 2;
	}
	if (f->has_in) {
		m = arena_mark(&sh->eval);
		n = expand_words(sh, f->words, &items);
		if (n < 0) {
			arena_release(&sh->eval, m);
			fatal_error(sh, sh->expand_err == 2 ? 2 : 1);
			return sh->status;
		}
		/* copy out of the eval arena: the body releases it */
		char **copy = malloc((size_t)(n + 1) * sizeof *copy);
		for (i = 0; i < n; i++)
			copy[i] = strdup(items[i]);
		arena_release(&sh->eval, m);
		items = copy;
	} else {
		n = sh->argc;
		items = malloc((size_t)(n + 1) * sizeof *items);
		for (i = 0; i < n; i++)
			items[i] = strdup(sh->argv[i]);
	}
	sh->loop_depth++;
	for (i = 0; i < n; i++) {
		if (var_set(sh, f->name, items[i], 0) != 0) {
			st = 1;
			fatal_error(sh, 1);
			break;
		}
		st = exec_node(sh, f->body);
		if (loop_flow(sh))
			break;
	}
	sh->loop_depth--;
	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
	sh->status = st;
	return st;
}

static int
exec_case(struct shell *sh, struct ast_case *c, bool tail)
{
	struct arena_mark m = arena_mark(&sh->eval);
	struct case_item *it;
	struct word *pw;
	char *subject;
	int st = 0;

	sh->lineno = c->base.lineno;
	subject = expand_word_str(sh, c->subject);
	if (subject == NULL) {
		arena_release(&sh->eval, m);
		fatal_error(sh, sh->expand_err == 2 ? 2 : 1);
		return sh->status;
	}
	subject = strdup(subject);
	for (it = c->items; it != NULL; it = it->next) {
		for (pw = it->patterns; pw != NULL; pw = pw->next) {
			struct word one = *pw;
			one.next = NULL;
			char *pat = expand_word_pattern(sh, &one);
			if (pat == NULL) {
				free(subject);
				arena_release(&sh->eval, m);
				fatal_error(sh, sh->expand_err == 2 ? 2 : 1);
				return sh->status;
			}
			if (pattern_match(pat, subject))
				goto matched;
		}
	}
	free(subject);
	arena_release(&sh->eval, m);
	sh->status = 0;
	return 0;
matched:
	free(subject);
	arena_release(&sh->eval, m);
	sh->tail = tail;
	if (it->body != NULL)
		st = exec_node(sh, it->body);
	sh->tail = false;
	sh->status = st;
	return st;
}

static int
exec_list_item(struct shell *sh, struct ast_node *n, bool async)
{
	if (async) {
		sh->tail = false;
		return exec_async(sh, n);
	}
	return exec_node(sh, n);
}

/* `tail`: this is the last command of a forked subshell (see sh->tail);
 * it passes to the last command of lists, groups and branches. */
static int
exec_compound(struct shell *sh, struct ast_node *n, bool tail)
{
	int st = 0;

	switch (n->kind) {
	case AST_SIMPLE:
		return exec_simple(sh, (struct ast_simple *)n, tail);
	case AST_PIPELINE:
		return exec_pipeline(sh, (struct ast_pipeline *)n, RUN_FG);
	case AST_AND:
	case AST_OR: {
		struct ast_andor *a = (struct ast_andor *)n;
		st = exec_cond(sh, a->left);
		if (sh->flow != FLOW_NONE)
			return st;
		if ((st == 0) == (n->kind == AST_AND)) {
			sh->tail = tail;
			st = exec_node(sh, a->right);
		}
		sh->status = st;
		return st;
	}
	case AST_LIST: {
		struct ast_list *l = (struct ast_list *)n;
		size_t i;
		for (i = 0; i < l->n; i++) {
			sh->tail = tail && i + 1 == l->n;
			st = exec_list_item(sh, l->items[i].cmd, l->items[i].async);
			if (sh->flow != FLOW_NONE)
				break;
		}
		return sh->status;
	}
	case AST_SUBSHELL:
		return exec_subshell(sh, (struct ast_group *)n);
	case AST_GROUP:
		sh->tail = tail;
		return exec_node(sh, ((struct ast_group *)n)->body);
	case AST_IF: {
		struct ast_if *i = (struct ast_if *)n;
		int c = exec_cond(sh, i->cond);
		if (sh->flow != FLOW_NONE)
			return c;
		sh->tail = tail;
		if (c == 0)
			st = exec_node(sh, i->then_part);
		else if (i->else_part != NULL)
			st = exec_node(sh, i->else_part);
		else
			st = 0;
		sh->tail = false;
		sh->status = st;
		return st;
	}
	case AST_WHILE:
		return exec_loop(sh, (struct ast_loop *)n, false);
	case AST_UNTIL:
		return exec_loop(sh, (struct ast_loop *)n, true);
	case AST_FOR:
		return exec_for(sh, (struct ast_for *)n);
	case AST_CASE:
		return exec_case(sh, (struct ast_case *)n, tail);
	case AST_FUNCDEF: {
		struct ast_funcdef *f = (struct ast_funcdef *)n;
		exec_define_function(sh, f->name, f->body);
		sh->status = 0;
		return 0;
	}
	}
	return st;
}

int
exec_node(struct shell *sh, struct ast_node *n)
{
	int st;
	bool tail = sh->tail;

	sh->tail = false;	/* nested commands are not the last one */
	if (n == NULL)
		return sh->status = 0;
	if (sh->pending_signals)
		trap_run_pending(sh);
	if (sh->flow != FLOW_NONE)
		return sh->status;
	/* Redirections of compound commands apply around them, in the shell
	 * (for ( ) too: the child inherits them). Simple commands handle their
	 * own: they may go into a spawn plan. */
	if (n->redirs != NULL && n->kind != AST_SIMPLE && n->kind != AST_FUNCDEF) {
		struct redir_undo undo = { 0 };
		struct arena_mark m = arena_mark(&sh->eval);
		if (redir_apply(sh, n->redirs, &undo) != 0) {
			redir_undo(sh, &undo);
			arena_release(&sh->eval, m);
			return sh->status = 1;
		}
		arena_release(&sh->eval, m);
		st = exec_compound(sh, n, tail);
		redir_undo(sh, &undo);
	} else {
		st = exec_compound(sh, n, tail);
	}
	sh->status = st;
	if (sh->pending_signals)
		trap_run_pending(sh);
	if (n->kind == AST_SIMPLE)
		check_errexit(sh);
	return sh->status;
}

/* ---- command substitution ---- */

static void
read_all(int fd, struct strbuf *out)
{
	char buf[8192];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sb_addn(out, buf, (size_t)n);
	}
}

/* Builtins whose output in $(...) is the same whether or not they run in a
 * subshell: they run here with stdout captured in a memfd. */
static bool
capture_safe(const struct builtin *b)
{
	static const char *const ok[] = { "echo", "printf", "pwd", "true", "false", ":", "test", "[" };
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strcmp(b->name, ok[i]) == 0)
			return true;
	return false;
}

/* A simple command that surely runs a capture_safe() builtin, decided
 * before anything is expanded: its name is a plain word naming one, and no
 * function hides it. */
static bool
static_capture_safe(struct shell *sh, struct ast_node *n)
{
	struct ast_simple *c = (struct ast_simple *)n;
	struct wpart *w;
	const struct builtin *b;

	if (n->kind != AST_SIMPLE || n->redirs != NULL || c->assigns != NULL ||
	    c->words == NULL || !simple_is_pure(c))
		return false;
	w = c->words->parts;
	if (w == NULL || w->next != NULL || w->kind != WP_LIT || w->u.lit.quoted)
		return false;
	b = builtin_find(w->u.lit.text);
	return b != NULL && capture_safe(b) && exec_find_function(sh, w->u.lit.text) == NULL;
}

/* Runs `n` capture_safe() simple commands in the shell with their output
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
		if (prepare(sh, (struct ast_simple *)cmds[i], &p) != 0) {
			prep_free(&p);
			arena_release(&sh->eval, m);
			st = subshell_error_status(sh);
			break;
		}
		xtrace(sh, &p);
		st = p.bi->fn(sh, p.argc, p.argv);
		fflush(stdout);
		clearerr(stdout);
		prep_free(&p);
		arena_release(&sh->eval, m);
	}
	if (saved >= 0) {
		dup2(saved, 1);
		close(saved);
	} else {
		close(1);
	}
	lseek(mfd, 0, SEEK_SET);
	read_all(mfd, out);
	close(mfd);
	sh->status = st;
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
	} else if (body->kind == AST_SIMPLE && simple_is_pure((struct ast_simple *)body)) {
		struct ast_simple *c = (struct ast_simple *)body;
		sh->lineno = body->lineno;
		if (static_capture_safe(sh, body) && capture_builtins(sh, &body, 1, out) == 0) {
			sh->lineno = saved_lineno;
			arena_release(&sh->eval, m);
			return 0;
		}
		if (prepare(sh, c, &p) < 0) {
			prep_free(&p);
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
		prep_free(&p);
		arena_release(&sh->eval, m);
		return -1;
	}
	job = job_new(sh, NULL, false);
	if (prepared && p.kind == P_EXTERNAL && p.c->assigns == NULL) {
		/* one external command: spawned, its stdout on the pipe */
		bool mon = sh->opt.monitor;
		xtrace(sh, &p);
		sh->opt.monitor = false;	/* stays in our process group */
		st = spawn_external(sh, &p, -1, fds[1], job, RUN_PIPE);
		sh->opt.monitor = mon;
	} else if ((pid = subshell_fork(sh)) == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		close(fds[1]);
		sh->opt.monitor = false;
		if (prepared)
			subshell_exit(sh, run_prepared(sh, &p));
		sh->tail = true;
		exec_node(sh, body);
		subshell_exit(sh, sh->status);
	} else if (pid < 0) {
		st = 2;
	} else {
		job_add_proc(sh, job, pid);
	}
	prep_free(&p);
	arena_release(&sh->eval, m);
	close(fds[1]);
	if (st == 0)
		read_all(fds[0], out);
	close(fds[0]);
	if (st != 0 || job->nproc == 0) {
		job_free(sh, job);
		sh->status = st;
		return pid < 0 ? -1 : 0;
	}
	job->pgid = 0;
	sh->status = job_wait_fg(sh, job);
	return 0;
}

/* ---- exec, eval, input loop ---- */

int
exec_replace(struct shell *sh, int argc, char **argv)
{
	char *path;
	char **env;

	if (argc < 2)
		return 0;
	argv++;
	path = strchr(argv[0], '/') ? strdup(argv[0]) : exec_path_search(sh, argv[0], NULL);
	if (path == NULL) {
		diag_error(sh, "%s: not found", argv[0]);
		fatal_error(sh, 127);
		return 127;
	}
	env = var_environ(sh, &sh->eval);
	int st = execve_here(sh, path, argv, env);
	free(path);
	fatal_error(sh, st);
	return st;
}

/* Reads, parses and runs commands until the input ends or control flow
 * leaves (exit, return from a dot script). */
int
exec_input(struct shell *sh, struct input *in)
{
	struct parser *p = parser_new(sh, in);
	struct parse_unit *saved_unit = sh->cur_unit;
	int st = 0;

	for (;;) {
		struct parse_unit *u = calloc(1, sizeof *u);
		struct ast_node *node = NULL;
		enum parse_status ps;

		if (u == NULL)
			abort();
		arena_init(&u->arena);
		u->refs = 1;
		if (sh->opt.interactive && in == sh->input)
			job_notify(sh);
		ps = parse_next(p, &u->arena, &node);
		if (ps == PARSE_EOF) {
			unit_unref(u);
			break;
		}
		if (ps == PARSE_ERROR) {
			unit_unref(u);
			sh->status = 2;
			st = 2;
			if (!sh->opt.interactive || in != sh->input) {
				/* eval and .: a special builtin's error, which
				 * `command` keeps from exiting (run_builtin) */
				if (in != sh->input)
					sh->builtin_error = true;
				else if (!sh->opt.interactive)
					shell_exit(sh, 2);
				break;
			}
			continue;
		}
		if (node != NULL && !sh->opt.noexec) {
			sh->cur_unit = u;
			input_sync(in);
			/* the last command of a -c string: nothing follows it */
			sh->tail = in == sh->input && in->kind == INPUT_STRING &&
			    in->pos >= in->len && !sh->opt.interactive;
			st = exec_node(sh, node);
			sh->cur_unit = saved_unit;
		} else if (node != NULL && sh->dump_ast) {
			struct strbuf b = STRBUF_INIT;
			ast_dump(&b, node, 0);
			fputs(b.s, stdout);
			sb_free(&b);
		}
		unit_unref(u);
		if (sh->flow != FLOW_NONE) {
			if (sh->flow == FLOW_EXIT && !sh->subshell && in == sh->input)
				shell_exit(sh, sh->exit_status);
			break;
		}
		if (sh->interrupted)
			sh->interrupted = false;
	}
	parser_free(p);
	sh->cur_unit = saved_unit;
	return st;
}

int
exec_string(struct shell *sh, const char *s, const char *name)
{
	struct input in;
	int st;

	input_from_string(&in, sh, s, name);
	st = exec_input(sh, &in);
	input_close(&in);
	return st;
}

/* ---- subshells ---- */

pid_t
subshell_fork(struct shell *sh)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		diag_errno(sh, "fork");
		return -1;
	}
	if (pid == 0) {
		sh->subshell = true;
		sh->opt_monitor_saved = sh->opt.monitor && sh->tty_fd >= 0 && !sh->subshell_nested;
		sh->subshell_nested = true;
		sh->opt.monitor = false;
		sh->opt.interactive = false;
		job_forget_all(sh);
		trap_subshell_reset(sh);
		return 0;
	}
	sh->n_fork++;
	return pid;
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
	_exit(sh->flow == FLOW_EXIT ? sh->exit_status : status);
}

void
shell_exit(struct shell *sh, int status)
{
	if (sh->subshell)
		subshell_exit(sh, status);
	sh->status = status;
	sh->flow = FLOW_NONE;
	trap_run_exit(sh);
	if (sh->flow == FLOW_EXIT)
		status = sh->exit_status;
	if (sh->exit_hook != NULL)
		sh->exit_hook(sh);
	fflush(stdout);
	exit(status);
}
