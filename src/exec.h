/* exec.h: executor internals shared with the builtins that run commands
 * (eval, ., exec, command) and with the subshell module. */
#ifndef EXEC_H
#define EXEC_H
#include <sys/types.h>

#include "shell.h"

/* Forks a subshell (the only place that calls fork()). In the child,
 * returns 0 with the shell state adjusted (traps reset, jobs forgotten);
 * in the parent, the pid; -1 after a diagnostic. */
pid_t subshell_fork(struct shell *sh);
/* Registers `fd` as one a forked child closes at once (a pipe end another
 * pipeline stage owns); subshell_fork_keep() takes it off the list. */
void subshell_fork_close(struct shell *sh, int fd);
void subshell_fork_keep(struct shell *sh, int fd);
/* Ends a subshell child: EXIT trap, flush, _exit. */
_Noreturn void subshell_exit(struct shell *sh, int status);

/* Registers the executor's special variables (LINENO). */
void exec_init(struct shell *sh);

/* Runs `exec name args` in place: execve in the shell process itself. */
int exec_replace(struct shell *sh, int argc, char **argv);
/* Runs a function with the given arguments. */
int exec_function(struct shell *sh, struct function *fn, int argc, char **argv);
/* `local -` (bash 4.4): the set options as they are now come back when
 * the running function returns. */
void exec_local_options(struct shell *sh);
/* Defines or replaces a function; `unit` is kept alive by it. */
/* 0, or -1 after "f: readonly function" (readonly -f, bash). */
int exec_define_function(struct shell *sh, const char *name, struct ast_node *body);
/* 0, or 1 after a message for a read-only function. */
int exec_unset_function(struct shell *sh, const char *name);
/* Runs a string as commands (eval, trap actions). */
int exec_string(struct shell *sh, const char *s, const char *name);
/* exec_string for eval: the parse of a one-line text is kept for the next
 * eval of the same text (exec.c). */
int exec_eval(struct shell *sh, const char *s, const char *name);

#endif
