/* redir.h: redirections (XCU 2.7), either applied to the shell itself
 * (builtins, functions, compound commands, exec) with the previous fds
 * saved for undoing, or compiled into spawn plan operations. */
#ifndef REDIR_H
#define REDIR_H
#include <stdbool.h>

struct shell;
struct redir;
struct spawn_plan;

/* Saved state of the fds a redirection list changed. */
struct redir_undo {
	int n, cap;
	struct { int fd, saved; } *v;	/* saved == -1: fd was closed */
};

/* Applies `r` in the shell. With `undo` (may be NULL: permanent, as for
 * `exec`), remembers what to restore. Returns 0, or 1 after a diagnostic. */
int redir_apply(struct shell *sh, struct redir *r, struct redir_undo *undo);
void redir_undo(struct shell *sh, struct redir_undo *undo);

/* Adds plan ops for `r`. Fds the parent opened for the plan (here-docs,
 * noclobber files) are added to `tmpfds` (closed by the caller after the
 * spawn). Returns 0, or 1 after a diagnostic. */
int redir_plan(struct shell *sh, struct redir *r, struct spawn_plan *p, int *tmpfds, int *ntmp);
bool redir_touches_fd(struct redir *r, int fd);

/* Moves fd to >= 64, close-on-exec (the shell's private fds). */
int redir_private_fd(int fd);

#endif
