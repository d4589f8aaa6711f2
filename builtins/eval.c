/* eval.c: the builtins that run other commands: eval, . (dot) and exec
 * (XCU 2.15; exec itself is run by the executor, which has the command's
 * redirections). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "exec.h"
#include "input.h"
#include "redir.h"

/* exec is run by the executor (it needs the command's redirections); this
 * entry exists so that lookup finds it. */
int
bi_exec(struct shell *sh, int argc, char **argv)
{
	return 0;
}

int
bi_eval(struct shell *sh, int argc, char **argv)
{
	struct strbuf b = STRBUF_INIT;
	int i, st, first = biu_operands(sh, "eval", "", "eval [arg ...]", argc, argv);

	if (first < 0)
		return biu_special_error(sh, 2);
	for (i = first; i < argc; i++) {
		if (i > first)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	/* the commands see $? from before eval (dash, bash); no command at
	 * all (eval "") is status 0 */
	int lineno = sh->lineno;
	sh->eval_depth++;
	st = exec_eval(sh, b.s, sh->script_name);
	sh->eval_depth--;
	sh->lineno = lineno;
	sb_free(&b);
	return st;
}

/* `. file [args]`: PATH search for names without '/' (XCU 2.15 dot). */
int
bi_dot(struct shell *sh, int argc, char **argv)
{
	char *path;
	int fd, st;
	struct input in;
	int i = biu_operands(sh, argv[0], "", strcmp(argv[0], ".") == 0 ?
	    ". filename [arguments]" : "source filename [arguments]", argc, argv);

	if (i < 0)
		return biu_special_error(sh, 2);
	if (i >= argc) {
		diag_error(sh, "%s: usage: %s file [arg...]", argv[0], argv[0]);
		return biu_special_error(sh, 2);
	}
	if (strchr(argv[i], '/') != NULL) {
		path = strdup(argv[i]);
	} else {
		const char *pv = var_get(sh, "PATH");
		path = NULL;
		/* search PATH for a readable file (need not be executable) */
		const char *s = pv ? pv : "";
		for (;;) {
			const char *colon = strchr(s, ':');
			size_t len = colon ? (size_t)(colon - s) : strlen(s);
			char *cand = malloc(len + strlen(argv[i]) + 2);
			if (len == 0)
				strcpy(cand, argv[i]);
			else
				sprintf(cand, "%.*s/%s", (int)len, s, argv[i]);
			if (access(cand, R_OK) == 0) {
				path = cand;
				break;
			}
			free(cand);
			if (colon == NULL)
				break;
			s = colon + 1;
		}
		/* bash outside posix mode (sourcepath): then the current
		 * directory */
		if (path == NULL && !sh->opt.posix && access(argv[i], R_OK) == 0)
			path = strdup(argv[i]);
		if (path == NULL) {
			diag_error(sh, "%s: %s: not found", argv[0], argv[i]);
			return biu_special_error(sh, 1);
		}
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_errno(sh, "%s: %s", argv[0], path);
		free(path);
		return biu_special_error(sh, 1);
	}
	/* bash: a directory is an error (1), a binary file 126 */
	enum input_refusal why = sh->opt.posix ? INPUT_SCRIPT : input_check_script(fd, true);
	if (why != INPUT_SCRIPT) {
		close(fd);
		diag_error(sh, "%s: %s: %s", argv[0], path,
		           why == INPUT_DIRECTORY ? "is a directory" : "cannot execute binary file");
		free(path);
		return why == INPUT_DIRECTORY ? 1 : 126;
	}
	fd = redir_private_fd(fd);
	int saved_argc = sh->argc;
	char **saved_argv = sh->argv, **saved_block = sh->argv_block;
	bool newargs = i + 1 < argc;
	if (newargs) {
		sh->argc = argc - i - 1;
		sh->argv = malloc((size_t)(sh->argc + 1) * sizeof *sh->argv);
		for (int k = 0; k < sh->argc; k++)
			sh->argv[k] = strdup(argv[i + 1 + k]);
		sh->argv[sh->argc] = NULL;
		sh->argv_block = sh->argv;
	}
	const char *saved_name = sh->script_name;
	int saved_line = sh->lineno;
	sh->script_name = path;
	input_from_fd(&in, sh, fd, path);
	sh->dot_depth++;
	int saved_eval = sh->eval_depth;
	sh->eval_depth = 0;
	/* FUNCNAME "source" and BASH_SOURCE the file; no DEBUG trap in it
	 * without set -T (bash) */
	char *saved_traps[3];
	callstack_push(sh, "source", callstack_intern(path), saved_line);
	trap_call_enter(sh, saved_traps, true);
	st = exec_input(sh, &in);	/* the file sees $? from before (XCU dot) */
	sh->dot_depth--;
	sh->eval_depth = saved_eval;
	input_close(&in);
	close(in.fd);	/* it may have moved */
	callstack_pop(sh);
	sh->lineno = saved_line;
	if (sh->flow == FLOW_RETURN) {
		sh->flow = FLOW_NONE;
		st = sh->exit_status;
		sh->status = 0;		/* the RETURN trap sees `return`'s */
	} else {
		sh->status = st;
	}
	if (sh->flow == FLOW_NONE)
		trap_run_return(sh);
	trap_call_leave(sh, saved_traps);
	sh->script_name = saved_name;
	sh->lineno = saved_line;
	if (newargs) {
		for (int k = 0; k < sh->argc; k++)
			free(sh->argv[k]);
		free(sh->argv_block);
		sh->argc = saved_argc;
		sh->argv = saved_argv;
		sh->argv_block = saved_block;
	}
	free(path);
	return st;
}
